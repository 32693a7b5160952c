"""Keep each event's stored search document in step with its title, summary, sources and places."""
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from events.models import Event, EventJurisdiction, FederalAction, PolicyChange, Source
from events.search import forget_search_documents, refresh_search_documents
from events.tallies import TALLIED_FIELDS, refresh_policy_tallies, refresh_tallies

_SEARCHED_FIELDS = {"title", "summary"}


def _refresh(event_id: int) -> None:
    # Immediately, inside the writer's transaction: one indexed UPDATE of one row, so a search right
    # after the write (same transaction or not) already finds it.
    refresh_search_documents([event_id])


@receiver(post_save, sender=Event)
def event_saved(sender, instance: Event, update_fields=None, raw=False, **kwargs) -> None:
    if raw or (update_fields is not None and not _SEARCHED_FIELDS & set(update_fields)):
        return
    _refresh(instance.pk)


@receiver(post_save, sender=Source)
@receiver(post_delete, sender=Source)
@receiver(post_save, sender=EventJurisdiction)
@receiver(post_delete, sender=EventJurisdiction)
def part_changed(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        _refresh(instance.event_id)


@receiver(post_delete, sender=Event)
def event_deleted(sender, instance: Event, **kwargs) -> None:
    forget_search_documents([instance.pk])


# -- the chart summary (events/tallies.py), in the writer's transaction ---------------------------------


@receiver(post_save, sender=Event)
def event_tallied(sender, instance: Event, update_fields=None, **kwargs) -> None:
    if update_fields is not None and not TALLIED_FIELDS & set(update_fields):
        return
    refresh_tallies([instance.pk])


@receiver(post_delete, sender=Event)
@receiver(post_save, sender=EventJurisdiction)
@receiver(post_delete, sender=EventJurisdiction)
# The money at stake a jurisdiction page sums (MoneyTally) is the federal action's amount.
@receiver(post_save, sender=FederalAction)
@receiver(post_delete, sender=FederalAction)
def involvement_tallied(sender, instance, **kwargs) -> None:
    refresh_tallies([instance.pk if sender is Event else instance.event_id])


# Whether a policy is public (events/visibility.py) reads its changes' tally: a change added, moved to
# another policy or removed recounts the policies concerned. (An event published or unpublished
# recounts its policy from refresh_tallies; an event deleted takes its change with it, below.)


@receiver(pre_save, sender=PolicyChange)
def policy_change_moving(sender, instance: PolicyChange, **kwargs) -> None:
    instance._policy_before = (
        PolicyChange.objects.filter(pk=instance.pk).values_list("policy_id", flat=True).first()
        if instance.pk is not None else None
    )


@receiver(post_save, sender=PolicyChange)
@receiver(post_delete, sender=PolicyChange)
def policy_change_tallied(sender, instance: PolicyChange, **kwargs) -> None:
    refresh_policy_tallies([instance.policy_id, getattr(instance, "_policy_before", None)])
