"""Public pages of 双随机、一公开: published plans, draws and results, and recomputing a draw.

They read only what the publication log publishes (record bodies) and the snapshot rows a
committed draw names (public by construction: masked names, no tax data)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sanxiang.portal.pagecache import public_page

from . import rules, selectors
from .choices import DrawStatus
from .forms import json_text


@public_page
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    plans = [
        (plan, selectors.public_record(plan.published_leaf_index)) for plan in selectors.public_plans()[:20]
    ]
    return render(
        request,
        "inspections/public_index.html",
        {
            "plans": plans,
            "draws": selectors.public_draws()[:50],
            "results": selectors.public_results()[:100],
        },
    )


def _draw_context(pk: int) -> dict:
    draw = selectors.public_draw_get(pk)
    commitment = selectors.public_record(draw.commitment_leaf_index)
    if commitment is None:
        raise Http404
    result = selectors.public_record(draw.result_leaf_index) if draw.status == DrawStatus.DRAWN else None
    inputs = commitment["inputs"]
    return {
        "draw": draw,
        "commitment": commitment,
        "inputs": inputs,
        "filters_text": json_text(inputs["filters"]),
        "filter_lines": rules.describe_filters(inputs["filters"]),
        "weight_lines": rules.describe_weights(inputs["weights"]),
        "weights_text": json_text(inputs["weights"]),
        "result": result,
    }


@public_page
@require_GET
def draw_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "inspections/public_draw.html", _draw_context(pk))


@public_page
@require_GET
def draw_verify(request: HttpRequest, pk: int) -> HttpResponse:
    context = _draw_context(pk)
    if context["result"] is None:
        raise Http404
    context["verification"] = selectors.verify_draw(context["draw"])
    return render(request, "inspections/public_draw.html", context)


@public_page
@require_GET
def snapshot_json(request: HttpRequest, snapshot_hash: str) -> JsonResponse:
    snapshot = selectors.public_snapshot_get(snapshot_hash)
    return JsonResponse(snapshot.rows, safe=False, json_dumps_params={"ensure_ascii": False})
