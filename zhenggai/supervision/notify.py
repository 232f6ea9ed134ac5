"""Telling people: an in-app notification always, an email as well when SMTP is configured
(ZHENGGAI_EMAIL_HOST makes Django's default mailer). A failed email is logged and never undoes
or stops the work that caused it: the notification in zhenggai is the record."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import transaction

from zhenggai.supervision.models import Notification

logger = logging.getLogger(__name__)
SUBJECT_PREFIX = "【整改系统】"
# After this many failures in a row the SMTP server is taken to be down for this batch;
# trying every address would hold the tick up for a timeout each.
GIVE_UP_AFTER = 3


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str


def email_enabled() -> bool:
    return "default" in mailers


def absolute(link: str) -> str:
    return f"{settings.ZHENGGAI_SITE_URL.rstrip('/')}{link}" if settings.ZHENGGAI_SITE_URL else link


def notify(users, title: str, body: str = "", link: str = "") -> list[Notification]:
    """One notification per user; the emails go out once the surrounding transaction commits."""
    users = list(users)
    notifications = Notification.objects.bulk_create(
        Notification(recipient=user, title=title[:200], body=body[:2000], link=link)
        for user in users
    )
    if email_enabled():
        mails = [Mail(u.email, title, text_of(body, link)) for u in users if u.email]
        if mails:
            transaction.on_commit(lambda: send(mails))
    return notifications


def text_of(body: str, link: str) -> str:
    where = f"\n\n详情：{absolute(link)}" if link else ""
    return f"{body}{where}\n\n（本邮件由整改系统自动发送，请登录系统办理，勿直接回复。）"


def send(mails: list[Mail]) -> set[int]:
    """Send each mail over one SMTP connection; returns the indexes of those sent."""
    sent: set[int] = set()
    if not mails:
        return sent
    try:
        connection = mailers.default
        connection.open()
    except Exception:
        logger.exception("无法连接邮件服务器，本批 %d 封邮件未发送", len(mails))
        return sent
    failures = 0
    try:
        for index, mail in enumerate(mails):
            message = EmailMessage(SUBJECT_PREFIX + mail.subject, mail.body, to=[mail.to])
            try:
                connection.send_messages([message])
            except Exception:
                failures += 1
                logger.exception("邮件发送失败：%s", mail.to)
                if failures >= GIVE_UP_AFTER:
                    logger.error("连续 %d 封邮件发送失败，本批其余邮件不再发送", failures)
                    break
            else:
                failures = 0
                sent.add(index)
    finally:
        try:
            connection.close()
        except Exception:
            logger.exception("关闭邮件服务器连接时出错")
    return sent
