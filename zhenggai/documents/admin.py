"""The installation-wide Word template (全系统默认模板) is base data, uploaded here; a round's
own template is the office's, on the round's 整改文书 page, and the admin does not show it."""

from django import forms
from django.contrib import admin

from zhenggai.documents.models import DocumentTemplate
from zhenggai.writer import TemplateError, check_template


class TemplateForm(forms.ModelForm):
    class Meta:
        model = DocumentTemplate
        fields = ["file"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if hasattr(upload, "read"):
            try:
                self.notes = check_template(upload.read())
            except TemplateError as error:
                raise forms.ValidationError(str(error)) from error
            upload.seek(0)
        return upload

    def clean(self):
        others = DocumentTemplate.objects.filter(round=None).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError("已有全系统默认模板，请修改原有模板。")
        return super().clean()


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(admin.ModelAdmin):
    form = TemplateForm
    list_display = ["file_name", "uploaded_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(round=None)

    def save_model(self, request, obj, form, change):
        if "file" in form.changed_data:
            obj.file_name = form.cleaned_data["file"].name[:255]
            obj.notes = getattr(form, "notes", [])
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
