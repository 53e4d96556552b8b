from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("sanxiang.portal.urls")),
    path("staff/", include("sanxiang.org.urls")),
    path("staff/org/", include("sanxiang.org.urls_org")),
    path("staff/audit/", include("sanxiang.audit.urls")),
    path("staff/calendar/", include("sanxiang.holidays.urls")),
    path("staff/files/", include("sanxiang.files.urls")),
    path("staff/enforcement/", include("sanxiang.enforcement.urls")),
    path("staff/publicity/", include("sanxiang.publicity.urls")),
    path("staff/supervision/", include("sanxiang.supervision.urls")),
    path("staff/review/", include("sanxiang.review.urls")),
    path("staff/evaluation/", include("sanxiang.evaluation.urls")),
    path("staff/records/", include("sanxiang.records.urls")),
    path("staff/information-requests/", include("sanxiang.information_requests.urls")),
    path("information-requests/", include("sanxiang.information_requests.urls_portal")),
    path("staff/disclosure/", include("sanxiang.disclosure.urls")),
    path("open/", include("sanxiang.disclosure.portal_urls")),
    path("captcha/", include("captcha.urls")),
    path("staff/inspections/", include("sanxiang.inspections.urls")),
    path("random-inspections/", include("sanxiang.inspections.public_urls")),
    path("staff/inbox/", include("sanxiang.notifications.urls")),
    path("staff/jobs/", include("sanxiang.jobs.urls")),
    path("api/", include("sanxiang.api.urls")),
    path("admin/", admin.site.urls),
]

# Chinese error pages with a way back (sanxiang.kernel.errors); CSRF failures: settings.CSRF_FAILURE_VIEW.
handler400 = "sanxiang.kernel.errors.bad_request"
handler403 = "sanxiang.kernel.errors.permission_denied"
handler404 = "sanxiang.kernel.errors.page_not_found"
handler500 = "sanxiang.kernel.errors.server_error"
