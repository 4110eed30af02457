from django.contrib.auth.decorators import login_required
from django.urls import path
from django.views.generic import RedirectView

from .views import applicant

app_name = "apply"

urlpatterns = [
    path("", applicant.start, name="start"),
    path("begin/", applicant.begin, name="begin"),
    path("step/<slug:step>/", applicant.step, name="step"),
    path("review/", applicant.review, name="review"),
    path("submit/", applicant.submit, name="submit"),
    path("status/", applicant.status, name="status"),
    path("withdraw/", applicant.withdraw, name="withdraw"),
    path("documents/<uuid:pk>/", applicant.document, name="document"),
    path("documents/<slug:kind>/remove/", applicant.remove_document, name="remove_document"),
    path("receipt.pdf", applicant.receipt, name="receipt"),
    path("boss-letter/", applicant.boss_letter, name="boss_letter"),
    # Everything held about a person is exported by the privacy app (/my-data/); this old address stays.
    path("my-data.zip", login_required(RedirectView.as_view(pattern_name="privacy:download")), name="my_data"),
]
