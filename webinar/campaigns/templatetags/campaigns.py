"""``{{ obj|in_language:"description" }}``: the viewer's language's text, else the other language's."""

from django import template

from webinar.campaigns.models import in_language as _in_language

register = template.Library()


@register.filter
def in_language(obj, field: str) -> str:
    return _in_language(obj, field)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.inclusion_tag("campaigns/_pledge_badge.html")
def campaign_pledge_badge(webinar):
    """The live pledge count of the webinar's campaign, for its live page and stage view (or nothing)."""
    from webinar.campaigns import selectors

    campaign = selectors.campaign_for_webinar(webinar_id=webinar.pk)
    pledge = selectors.pledge_for(campaign=campaign) if campaign is not None and campaign.published else None
    if pledge is None:
        return {"campaign": None}
    return {"campaign": campaign, "count": selectors.pledge_count(pledge=pledge)}


@register.inclusion_tag("campaigns/_resource_card.html")
def campaign_resource_card(webinar):
    """The newest resource the hosts pushed into this live room (live updates replace it)."""
    from webinar.campaigns import selectors
    from webinar.campaigns.services.pushes import push_click_url

    push = selectors.pushes_latest(webinar_id=webinar.pk)
    if push is None:
        return {"push": None}
    return {"push": push, "resource": push.resource, "url": push_click_url(push)}


@register.inclusion_tag("campaigns/_report_polls.html")
def webinar_poll_results(webinar):
    """The organiser report's poll section: every poll's results and the polls CSV (nothing without polls)."""
    from webinar.campaigns import selectors

    return {
        "webinar": webinar,
        "polls": selectors.polls_with_results(webinar_id=webinar.pk),
        "in_report": True,
    }


@register.inclusion_tag("campaigns/_poll_card.html")
def live_poll_card(webinar, mode: str = "attendee"):
    """The live poll card: the answer form (attendees), results (everyone), launch/close (hosts).

    The page's script (``static/dewan/live-polls.js``) fills it from the snapshot and live messages; hosts
    also get the prepared polls to launch.
    """
    from webinar.campaigns import selectors

    polls = list(selectors.polls_for_webinar(webinar_id=webinar.pk)) if mode == "host" else []
    return {"webinar": webinar, "mode": mode, "polls": polls}
