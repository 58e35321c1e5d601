from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from audit.models import AuditEvent
from audit.services import record_event
from cases import selectors as case_selectors
from cases.enrolment import enrol_sponsor
from cases.forms import SponsorCaseForm
from config.client_ip import client_ip

from . import language_choice
from . import two_factor as two_factor_service
from .forms import InvitationAcceptForm
from .invitation_sheet import qr_svg, sheet_languages
from .invitations import (
    InvitationInvalid,
    IssuedInvitation,
    accept_invitation,
    address_guessed_too_often,
    code_guess_credentials,
    find_open_invitation,
    format_code,
    issue_invitation,
)

ISSUED_SESSION_KEY = "issued_invitation"

# What the browser removes of this site when someone logs out: the photos kept for sending (IndexedDB), the
# service worker's copies and the cache. A sponsor on a borrowed or shared phone leaves nothing of the family's
# behind, also without JavaScript; the page's script first warns about photos not yet sent (nareis.js).
# Cookies are left: the session is ended by the logout itself, and the language cookie keeps the login page
# in the language the phone's owner reads.
CLEAR_SITE_DATA = '"cache", "storage"'


class LoginView(auth_views.LoginView):
    """Django's, plus: the form carries a language picked on the page, to be saved with the account at login."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, language_chosen_here=language_choice.chosen_here(self.request))


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response


@require_POST
def set_language(request):
    """Django's switcher, plus: a signed-in user's choice is saved and follows them to other devices."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if not request.user.is_authenticated:
        language_choice.note_choice(request, language)
    elif language in dict(settings.LANGUAGES):
        request.user.preferred_language = language
        request.user.save(update_fields=["preferred_language"])
    return response


LINKED_CODE_KEY = "invitation_code"
LINKED_LANGUAGE_KEY = "invitation_language"


@require_http_methods(["GET", "POST"])
def welcome(request, code: str = ""):
    """A sponsor sets a password with the code a counsellor gave them, and is signed in."""
    if code:
        # Opened from the link: keep the code, then drop it from the address bar and history.
        request.session[LINKED_CODE_KEY] = code
        request.session[LINKED_LANGUAGE_KEY] = _language_of_linked_invitation(request, code)
        return redirect("accounts:welcome")
    chosen_here = language_choice.chosen_here(request)  # with the switcher just now, not a cookie left by another
    if not chosen_here and request.session.get(LINKED_LANGUAGE_KEY):
        _activate(request, request.session[LINKED_LANGUAGE_KEY])
    code = request.session.get(LINKED_CODE_KEY, "") if request.method == "GET" else ""
    form = InvitationAcceptForm(request.POST or None, initial={"code": format_code(code) if code else ""})
    if request.method == "POST":
        guess = code_guess_credentials(request.POST.get("code", ""))
        if AxesProxyHandler.is_locked(request, guess) or address_guessed_too_often(client_ip(request)):
            return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
        user = _accept(form)
        if user is None:
            if form.has_error("code", "invalid_code"):
                user_login_failed.send(sender=__name__, credentials=guess, request=request)
        else:
            # The counsellor's choice for the sponsor stands unless they chose another language on this page:
            # a phone set to English must not turn a Tigrinya reader's pages and text messages into English.
            if chosen_here or not user.preferred_language:
                user.preferred_language = chosen_here or translation.get_language()
                user.save(update_fields=["preferred_language"])
            _activate(request, user.preferred_language)
            login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
            request.session.pop(LINKED_CODE_KEY, None)
            request.session.pop(LINKED_LANGUAGE_KEY, None)
            messages.success(
                request,
                _("Your password is saved. Your username is %(username)s: write it down.") % {"username": f"\u2068{user.username}\u2069"},
            )
            return redirect(settings.LOGIN_REDIRECT_URL)
    return render(request, "accounts/welcome.html", {"form": form})


def _activate(request, language: str) -> None:
    if language in dict(settings.LANGUAGES):
        translation.activate(language)
        request.LANGUAGE_CODE = language


def _language_of_linked_invitation(request, code: str) -> str:
    """The language the counsellor chose for the sponsor of a code opened from its link, or "".

    A wrong code counts as a guess, as when typed, so the page's language gives away nothing for free.
    """
    guess = code_guess_credentials(code)
    if AxesProxyHandler.is_locked(request, guess) or address_guessed_too_often(client_ip(request)):
        return ""
    try:
        return find_open_invitation(code).user.preferred_language
    except InvitationInvalid:
        user_login_failed.send(sender=__name__, credentials=guess, request=request)
        return ""


def _accept(form: InvitationAcceptForm):
    if not form.is_valid():
        return None
    try:
        return accept_invitation(code=form.cleaned_data["code"], password=form.cleaned_data["password1"])
    except InvitationInvalid:  # used up by a request that came in at the same moment
        form.add_error("code", forms.ValidationError(form.error_messages["invalid_code"], code="invalid_code"))
        return None


@login_required
@require_http_methods(["GET", "POST"])
def sponsor_case_create(request):
    if not (request.user.is_superuser or (request.user.works_on_cases and request.user.organisation_id)):
        raise PermissionDenied
    form = SponsorCaseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        enrolment = enrol_sponsor(
            counsellor=request.user, first_name=data["first_name"], last_name=data["last_name"],
            birth_date=data["birth_date"], v_number=data["v_number"], decision_date=data["decision_date"],
            permit_type=data["permit_type"], organisation=data.get("organisation"),
            language=data.get("language", ""), phone=data.get("phone", ""),
        )
        record_event(actor=request.user, action=AuditEvent.Action.CREATE, target=enrolment.case,
                     case_id=enrolment.case.pk, request=request)
        _remember_issued(request, enrolment.case.pk, enrolment.invitation, data.get("language", ""))
        return redirect("accounts:invitation", case_id=enrolment.case.pk)
    return render(request, "accounts/sponsor_case_form.html", {"form": form})


@login_required
@require_POST
def invitation_issue(request, case_id: int):
    """A new code for the case's sponsor: the first login, or a password reset without email."""
    case = case_selectors.get_managed_case_for(request.user, case_id)
    issued = issue_invitation(user=case.sponsor, issued_by=request.user)
    record_event(actor=request.user, action=AuditEvent.Action.CREATE, target=issued.invitation, case_id=case.pk,
                 request=request)
    language = request.POST.get("language", "")
    _remember_issued(request, case.pk, issued, language if language in dict(settings.LANGUAGES) else "")
    return redirect("accounts:invitation", case_id=case.pk)


@login_required
@require_GET
def invitation_show(request, case_id: int):
    """The code just issued, shown once: only its hash is stored."""
    case = case_selectors.get_managed_case_for(request.user, case_id)
    issued = request.session.pop(ISSUED_SESSION_KEY, None)
    if issued and issued.get("case_id") != case.pk:
        issued = None
    link = request.build_absolute_uri(_welcome_path(issued["code"])) if issued else ""
    context = {"case": case, "issued": issued, "link": link, "valid_days": settings.INVITATION_VALID_DAYS,
               "language_choices": settings.LANGUAGES}
    if issued:
        context |= {"qr_svg": qr_svg(link),
                    "sheet_languages": sheet_languages(issued.get("language") or case.sponsor.preferred_language)}
    return render(request, "accounts/invitation.html", context)


def _welcome_path(code: str) -> str:
    return reverse("accounts:welcome_code", kwargs={"code": code.replace("-", "")})


def _remember_issued(request, case_id: int, issued: IssuedInvitation, language: str = "") -> None:
    request.session[ISSUED_SESSION_KEY] = {
        "case_id": case_id,
        "code": issued.display_code,
        "username": issued.invitation.user.username,
        "language": language,  # of the printed invitation; the sponsor's own by default
    }


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"), max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autocapitalize": "none",
                                      "spellcheck": "false", "dir": "ltr", "autofocus": True}),
    )


def _after_two_factor(request):
    target = request.POST.get("next") or request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = reverse(settings.LOGIN_REDIRECT_URL)
    return target


def _locked_out(request):
    staff = request.user.works_on_cases  # the second step is staff's alone: they have no counsellor to ask
    logout(request)
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, {"staff": staff}, status=429)


def lockout_response(request, original_response, credentials):
    """django-axes' page for a lockout it noticed itself (``AXES_LOCKOUT_CALLABLE``): staff locked at their second step
    are not sent to a counsellor. At the password step nobody is known yet, so the sponsors' wording stays."""
    staff = two_factor_service.locks_a_second_factor(credentials)
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, {"staff": staff}, status=429)


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """The second step of a staff login: a code from the authenticator app, or a recovery code."""
    if not request.user.works_on_cases:
        raise PermissionDenied  # sponsors log in with their password alone
    if not two_factor_service.has_authenticator(request.user):
        return redirect(f"{reverse('accounts:two_factor_setup')}?{urlencode({'next': _after_two_factor(request)})}")
    if request.user.is_verified():
        return redirect(_after_two_factor(request))
    if two_factor_service.is_locked(request, request.user):
        return _locked_out(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor_service.verify(request, request.user, form.cleaned_data["token"]):
            return redirect(_after_two_factor(request))
        if two_factor_service.is_locked(request, request.user):
            return _locked_out(request)
        form.add_error("token", _("This code is not right. Wait a moment, then type the 6 digits your app shows now, or a recovery code."))
    return render(request, "accounts/two_factor.html", {"form": form, "next": _after_two_factor(request)})


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    """First login: link an authenticator app (QR code or key), confirm with a code, keep the recovery codes.

    Only while the user has no authenticator: replacing one is for an admin (delete the device in the admin).
    """
    if not request.user.works_on_cases:
        raise PermissionDenied
    if two_factor_service.has_authenticator(request.user):
        return redirect(f"{reverse('accounts:two_factor')}?{urlencode({'next': _after_two_factor(request)})}")
    if two_factor_service.is_locked(request, request.user):
        return _locked_out(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor_service.confirm_enrolment(request, request.user, form.cleaned_data["token"])
        if codes is not None:
            record_event(actor=request.user, action=AuditEvent.Action.CHANGE, target=request.user, request=request,
                         changes={"two_factor": [None, "authenticator"]})
            return render(request, "accounts/two_factor_codes.html",
                          {"codes": codes, "next": _after_two_factor(request)})
        if two_factor_service.is_locked(request, request.user):
            return _locked_out(request)
        form.add_error("token", _("This code is not right. Wait a moment, check that the app shows Nareis, then type the 6 digits it shows now."))
    enrolment = two_factor_service.pending_enrolment(request.user)
    return render(request, "accounts/two_factor_setup.html", {
        "form": form, "secret": " ".join(enrolment.secret[i:i + 4] for i in range(0, len(enrolment.secret), 4)),
        "qr_svg": mark_safe(enrolment.qr_svg),  # made by segno from our own otpauth address: no user input
        "next": _after_two_factor(request),
    })
