"""Empty choices read in words: 全部机关 on a filter, 请选择 elsewhere, never Django's "---------"."""

from django import forms
from django.urls import reverse

from sanxiang.org.models import Authority


def test_the_public_authority_filter_offers_all_authorities(client, org):
    page = client.get(reverse("portal:search")).content.decode()
    assert '<option value="">全部机关</option>' in page
    assert "---------" not in page


def test_any_other_empty_choice_reads_please_choose(db):
    class AnyForm(forms.Form):
        authority = forms.ModelChoiceField(queryset=Authority.objects.all(), label="机关")
        kind = forms.TypedChoiceField(choices=[("", "---------"), ("a", "甲")], required=False)

    html = str(AnyForm())
    assert html.count(">请选择</option>") == 2
    assert "---------" not in html
