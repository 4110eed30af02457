"""/staff/news/: the lists with their counts, writing to a list's confirmed subscribers, the CSV export."""

import io

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from campus.core import exports
from campus.core.access import staff_page
from campus.core.files import private_file_response

from .. import selectors, services
from ..forms import WriteForm
from ..mail import MESSAGE_EVENT
from ..models import NewsList
from ..permissions import can_use_news


@require_GET
@staff_page(can_use_news)
def home(request):
    return render(request, "news/staff/home.html", {
        "lists": selectors.lists_with_counts(), "sent": selectors.recent_messages()})


@require_http_methods(["GET", "POST"])
@staff_page(can_use_news)
def write(request, list_id):
    news_list = get_object_or_404(NewsList, pk=list_id)
    form = WriteForm(request.POST if request.method == "POST" else None)
    count = selectors.confirmed_count(news_list)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") == "send":
            message = services.write_to_list(news_list=news_list, subject=data["subject"], body=data["body"],
                                             key=data["key"], actor=request.user)
            plural = "s" if message.recipients != 1 else ""
            messages.success(request, f"Your message to “{news_list.title}” went to the outbox for "
                                      f"{message.recipients} confirmed subscriber{plural}.")
            return redirect("staff_news:home")
        preview = services.preview(news_list=news_list, subject=data["subject"], body=data["body"])
    return render(request, "news/staff/write.html", {
        "news_list": news_list, "form": form, "count": count, "preview": preview, "event": MESSAGE_EVENT})


@require_GET
@staff_page(can_use_news)
def export(request, list_id):
    news_list = get_object_or_404(NewsList, pk=list_id)
    content = exports.csv_bytes(selectors.export_rows(news_list))
    return private_file_response(io.BytesIO(content), download_name=f"news-{news_list.key}.csv",
                                 content_type="text/csv; charset=utf-8")
