using Wijkengids.SharedKernel;
using Wijkengids.Workshops.ActionPlans;
using Wijkengids.Workshops.Bookings;
using Wijkengids.Workshops.Sessions;
using ActionStatus = Wijkengids.Workshops.Contracts.ActionStatus;

namespace Wijkengids.Tests.Unit.Workshops;

/// <summary>A booking decides its steps (seat outcome, cancellation, co-financing, the plan van aanpak, erasure) from its events alone.</summary>
public sealed class BookingDecisionTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static BookingState Requested(decimal? coFinancing = null)
    {
        var id = Guid.NewGuid();
        var sealedValue = new Sealed(id, "x");
        return BookingState.Create(new BookingRequested(id, Guid.NewGuid(), null, Guid.NewGuid(), "Nieuwland", id, null, sealedValue, sealedValue,
            sealedValue, 4, "voorjaar", sealedValue, coFinancing, coFinancing is null ? null : sealedValue, "Samen", Now, sealedValue, "hash"));
    }

    private static BookingState With(BookingState booking, object? change)
    {
        switch (change)
        {
            case BookingConfirmed e: booking.Apply(e); break;
            case BookingWaitlisted e: booking.Apply(e); break;
            case BookingPromoted e: booking.Apply(e); break;
            case BookingCancelled e: booking.Apply(e); break;
            case CoFinancingGranted e: booking.Apply(e); break;
            case CoFinancingRefused e: booking.Apply(e); break;
            case BookingErased e: booking.Apply(e); break;
            case CoFinancingClosed e: booking.Apply(e); break;
            case BookingAwaitsOrganiserDecision e: booking.Apply(e); break;
            case BookingKeptForOrganisation e: booking.Apply(e); break;
            case ActionPlanRecorded e: booking.Apply(e); break;
            case ActionPlanRevised e: booking.Apply(e); break;
            case ActionStatusChanged e: booking.Apply(e); break;
            case ActionPlanPublicationConsented e: booking.Apply(e); break;
            case ActionPlanPublicationWithdrawn e: booking.Apply(e); break;
            default: throw new ArgumentException(change?.GetType().Name ?? "null");
        }
        return booking;
    }

    /// <summary>A confirmed booking on a session that was held (ended before <see cref="Now"/>).</summary>
    private static (BookingState Booking, WorkshopSession Session) Held()
    {
        var booking = Requested();
        var session = new WorkshopSession();
        session.Apply(new SessionScheduled(Guid.NewGuid(), booking.FormatId, "Samen", "samen", Now.AddDays(-2), 240, "Wijkcentrum", null, 10, []));
        With(booking, booking.Placed(new SeatsAllocated(session.Id, booking.Id, 4), 1));
        return (booking, session);
    }

    private static readonly DateOnly Due = new(2027, 6, 1);

    [Fact]
    public void The_seat_the_session_decided_becomes_a_confirmation_or_a_place_on_the_wait_list()
    {
        var booking = Requested();
        var sessionId = Guid.NewGuid();
        Assert.Equal(new BookingWaitlisted(booking.Id, sessionId, 3), booking.Placed(new SeatsWaitlisted(sessionId, booking.Id, 4), 3));
        var confirmed = Assert.IsType<BookingConfirmed>(booking.Placed(new SeatsAllocated(sessionId, booking.Id, 4), 1));
        Assert.Equal(sessionId, confirmed.SessionId);
        With(booking, confirmed);
        Assert.Throws<RuleViolationException>(booking.EnsureAssignable);
    }

    [Fact]
    public void A_waiting_booking_is_promoted_on_its_own_session_only()
    {
        var booking = Requested();
        var sessionId = Guid.NewGuid();
        With(booking, booking.Placed(new SeatsWaitlisted(sessionId, booking.Id, 4), 1));
        Assert.Null(booking.Promote(Guid.NewGuid()));
        var promoted = booking.Promote(sessionId);
        Assert.Equal(new BookingPromoted(booking.Id, sessionId), promoted);
        With(booking, promoted);
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Null(booking.Promote(sessionId));
    }

    [Fact]
    public void A_cancellation_carries_its_reason_once()
    {
        var booking = Requested();
        var cancelled = booking.Cancel(" De gemeente trekt zich terug. ");
        Assert.Equal("De gemeente trekt zich terug.", cancelled!.Reason);
        With(booking, cancelled);
        Assert.Null(booking.Cancel("nog eens"));
    }

    [Fact]
    public void A_grant_carries_its_amount_and_note_and_is_decided_once()
    {
        var booking = Requested(coFinancing: 1200m);
        Assert.Contains("niet hoger", Assert.Throws<RuleViolationException>(() => booking.DecideCoFinancing(true, 1300m, null, Now)).Message);
        var granted = Assert.IsType<CoFinancingGranted>(booking.DecideCoFinancing(true, 1000m, " deels ", Now));
        Assert.Equal((1200m, 1000m, "deels", Now), (granted.Requested, granted.Amount, granted.Reason, granted.DecidedAt!.Value));
        With(booking, granted);
        Assert.Contains("al besloten", Assert.Throws<ConflictException>(() => booking.DecideCoFinancing(false, null, "toch niet", Now)).Message);
    }

    [Fact]
    public void A_refusal_carries_its_reason_and_nothing_is_decided_without_a_request_or_after_a_cancellation()
    {
        var refused = Assert.IsType<CoFinancingRefused>(Requested(coFinancing: 900m).DecideCoFinancing(false, null, "Buiten de regeling.", Now));
        Assert.Equal("Buiten de regeling.", refused.Reason);
        Assert.Throws<RuleViolationException>(() => Requested().DecideCoFinancing(true, 100m, null, Now));
        var cancelled = Requested(coFinancing: 900m);
        With(cancelled, cancelled.Cancel("weg"));
        Assert.Throws<ConflictException>(() => cancelled.DecideCoFinancing(true, 100m, null, Now));
    }

    [Fact]
    public void A_plan_is_recorded_after_the_session_and_carries_the_sessions_format_and_time()
    {
        var (booking, session) = Held();
        var recorded = Assert.IsType<ActionPlanRecorded>(booking.RecordPlan(session, [" Meer bewoners doen mee "],
            [new PlanInput(null, " Bewonersavond ", " Wijkteam ", Due)], ["1.4", "1.4"], null, Now));
        Assert.Equal(["Meer bewoners doen mee"], recorded.Goals);
        Assert.Equal(["1.4"], recorded.Lessons);
        Assert.Equal(("Samen", session.StartsAt, Now), (recorded.FormatTitle, recorded.SessionStartsAt!.Value, recorded.RecordedAt!.Value));
        Assert.Equal("Bewonersavond", recorded.Actions[0].Description);

        var early = Requested();
        var future = new WorkshopSession();
        future.Apply(new SessionScheduled(Guid.NewGuid(), early.FormatId, "Samen", "samen", Now.AddDays(2), 240, "x", null, 10, []));
        With(early, early.Placed(new SeatsAllocated(future.Id, early.Id, 4), 1));
        Assert.Contains("na de sessie", Assert.Throws<RuleViolationException>(() =>
            early.RecordPlan(future, ["doel"], [new PlanInput(null, "a", "b", Due)], [], null, Now)).Message);
        Assert.Contains("bevestigde boeking", Assert.Throws<RuleViolationException>(() =>
            Requested().RecordPlan(session, ["doel"], [new PlanInput(null, "a", "b", Due)], [], null, Now)).Message);
    }

    [Fact]
    public void A_revision_keeps_the_plans_actions_refuses_strangers_stale_versions_and_late_dates()
    {
        var (booking, session) = Held();
        var recorded = (ActionPlanRecorded)booking.RecordPlan(session, ["doel"], [new PlanInput(null, "a", "b", Due)], [], null, Now);
        With(booking, recorded);
        var actionId = recorded.Actions[0].ActionId;
        Assert.Throws<ConflictException>(() => booking.RecordPlan(session, ["doel"], [new PlanInput(actionId, "a", "b", Due)], [], 0, Now));
        Assert.Throws<RuleViolationException>(() => booking.RecordPlan(session, ["doel"], [new PlanInput(Guid.NewGuid(), "a", "b", Due)], [], 1, Now));
        Assert.Throws<RuleViolationException>(() => booking.RecordPlan(session, ["doel"], [new PlanInput(actionId, "a", "b", Due.AddYears(6))], [], 1, Now));
        var revised = Assert.IsType<ActionPlanRevised>(booking.RecordPlan(session, ["doel"],
            [new PlanInput(actionId, "a", "b", Due), new PlanInput(null, "c", "d", Due)], [], 1, Now));
        Assert.Equal(Now, revised.RevisedAt);
        With(booking, revised);
        Assert.Equal(2, booking.Plan!.Version);
    }

    [Fact]
    public void The_contact_changes_an_actions_status_and_the_publication_once_each_at_the_current_version()
    {
        var (booking, session) = Held();
        Assert.Throws<NotFoundException>(() => booking.ChangeActionStatus(Guid.NewGuid(), ActionStatus.Done, null, Now));
        var recorded = (ActionPlanRecorded)booking.RecordPlan(session, ["doel"], [new PlanInput(null, "a", "b", Due)], [], null, Now);
        With(booking, recorded);
        var actionId = recorded.Actions[0].ActionId;
        Assert.Null(booking.ChangeActionStatus(actionId, ActionStatus.Open, 1, Now));
        Assert.Throws<NotFoundException>(() => booking.ChangeActionStatus(Guid.NewGuid(), ActionStatus.Done, 1, Now));
        var changed = booking.ChangeActionStatus(actionId, ActionStatus.InProgress, 1, Now);
        Assert.Equal((actionId, "a", ActionStatus.InProgress), (changed!.ActionId, changed.Description, changed.Status));
        With(booking, changed);
        Assert.Throws<ConflictException>(() => booking.ConsentToPublication(true, 1, Now));
        var consented = Assert.IsType<ActionPlanPublicationConsented>(booking.ConsentToPublication(true, 2, Now));
        With(booking, consented);
        Assert.Null(booking.ConsentToPublication(true, 3, Now));
        Assert.IsType<ActionPlanPublicationWithdrawn>(booking.ConsentToPublication(false, null, Now));
    }

    [Fact]
    public void An_erasure_is_recorded_once()
    {
        var booking = Requested();
        var erased = booking.Erase(Now);
        Assert.Equal(Now, erased!.ErasedAt);
        With(booking, erased);
        Assert.Null(booking.Erase(Now));
    }

    [Fact]
    public void Erasing_the_requester_withdraws_a_pending_request_and_closes_its_open_co_financing()
    {
        var booking = Requested(coFinancing: 500m);
        var changes = booking.ResolveErasure(Now);
        Assert.Equal((500m, "aanvrager gewist"), (Assert.IsType<CoFinancingClosed>(changes[0]).Requested, ((CoFinancingClosed)changes[0]).Reason));
        Assert.Equal("aanvrager gewist", Assert.IsType<BookingCancelled>(changes[1]).Reason);
        foreach (var change in changes) With(booking, change);
        Assert.Equal((BookingStatus.Cancelled, CoFinancingStatus.Closed), (booking.Status, booking.CoFinancingDecision));
        Assert.Empty(booking.ResolveErasure(Now));
    }

    [Fact]
    public void Erasing_the_contact_of_a_confirmed_booking_leaves_the_decision_to_the_organiser_who_may_keep_it_once()
    {
        var booking = With(Requested(), new BookingConfirmed(Guid.Empty, Guid.NewGuid()));
        Assert.Throws<RuleViolationException>(() => booking.Keep(Now));
        var waits = Assert.IsType<BookingAwaitsOrganiserDecision>(Assert.Single(booking.ResolveErasure(Now)));
        With(booking, waits);
        Assert.Empty(booking.ResolveErasure(Now));
        With(booking, booking.Keep(Now));
        Assert.False(booking.AwaitsDecision);
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Throws<RuleViolationException>(() => booking.Keep(Now));
    }

    [Fact]
    public void A_decided_co_financing_or_a_cancelled_booking_is_left_as_it_is()
    {
        var granted = With(With(Requested(coFinancing: 300m), new BookingConfirmed(Guid.Empty, Guid.NewGuid())),
            new CoFinancingGranted(Guid.Empty, 300m, 200m));
        Assert.DoesNotContain(granted.ResolveErasure(Now), c => c is CoFinancingClosed);
        Assert.Empty(With(Requested(coFinancing: 300m), new BookingCancelled(Guid.Empty, "afgezegd")).ResolveErasure(Now));
    }
}
