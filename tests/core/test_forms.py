from django import forms

from sanxiang.kernel.forms import preselect_only_choices
from sanxiang.org.models import Authority
from sanxiang.publicity.forms import DocumentImportForm, ImportForm
from tests import factories


class _Form(forms.Form):
    authority = forms.ModelChoiceField(queryset=Authority.objects.none())
    kind = forms.ChoiceField(choices=[("", "请选择"), ("only", "唯一")])
    optional = forms.ChoiceField(choices=[("", "请选择"), ("x", "甲")], required=False)

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = queryset
        preselect_only_choices(self)


def test_it_preselects_a_required_choice_with_one_option(org):
    form = _Form(queryset=Authority.objects.filter(pk=org.district_a.pk))
    assert form.initial == {"authority": org.district_a.pk, "kind": "only"}
    assert f'<option value="{org.district_a.pk}" selected>' in str(form["authority"])


def test_it_leaves_a_real_choice_and_a_posted_form_alone(org):
    assert _Form(queryset=Authority.objects.all()).initial == {"kind": "only"}
    assert _Form({"authority": ""}, queryset=Authority.objects.filter(pk=org.city.pk)).initial == {}


def test_the_import_forms_preselect_an_officers_only_authority(org):
    officer = factories.user(
        org.district_a, org.a_collection, roles=["enforcement_officer"], scope="department"
    )
    for form in (ImportForm(user=officer), DocumentImportForm(user=officer)):
        assert f'<option value="{org.district_a.pk}" selected>' in str(form["authority"])
