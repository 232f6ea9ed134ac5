"""The simplified copy the reader matches keywords on: a text of simplified characters is
its own copy without going through OpenCC, and any other text is exactly what OpenCC's t2s
conversion makes of it."""

import opencc
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.reader.chinese import simplified

T2S = opencc.OpenCC("t2s")
# Simplified characters, traditional ones, and those of the phrases t2s converts whole.
CHARACTERS = "问题整改措施原因有序沈船默學習問題整改措施原因剖析乾隆干部發現後面里裡。，、"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=CHARACTERS, max_size=12))
def test_the_copy_is_what_opencc_makes(text):
    assert simplified(text) == T2S.convert(text)


def test_a_simplified_text_is_its_own_copy():
    text = "存在的主要问题"
    assert simplified(text) is text


def test_traditional_characters_and_phrases_are_converted():
    assert simplified("問題產生的原因") == "问题产生的原因"
    assert simplified("沈默") == T2S.convert("沈默") != "沈默"
