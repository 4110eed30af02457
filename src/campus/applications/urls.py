from django.urls import path

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
    path("my-data.zip", applicant.my_data, name="my_data"),
]
