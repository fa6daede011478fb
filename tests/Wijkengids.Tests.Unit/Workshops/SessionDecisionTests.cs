using Wijkengids.SharedKernel;
using Wijkengids.Workshops.Formats;
using Wijkengids.Workshops.Sessions;

namespace Wijkengids.Tests.Unit.Workshops;

/// <summary>The session decides where a booking goes, who moves up, and its moves and cancellation, from its events alone.</summary>
public sealed class SessionDecisionTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid FormatId = Guid.NewGuid();

    internal static WorkshopSession Scheduled(int capacity = 3)
    {
        var session = new WorkshopSession();
        session.Apply(new SessionScheduled(Guid.NewGuid(), FormatId, "Samen aan de slag", "samen-aan-de-slag", Now.AddDays(10), 240,
            "Wijkcentrum", null, capacity, []));
        return session;
    }

    private static object With(WorkshopSession session, object change)
    {
        switch (change)
        {
            case SeatsAllocated e: session.Apply(e); break;
            case SeatsWaitlisted e: session.Apply(e); break;
            case SeatsReleased e: session.Apply(e); break;
            case SeatsPromoted e: session.Apply(e); break;
            case SessionCancelled e: session.Apply(e); break;
            case SessionRescheduled e: session.Apply(e); break;
            default: throw new ArgumentException(change.GetType().Name);
        }
        return change;
    }

    private static object Place(WorkshopSession session, int seats, Guid? id = null) =>
        With(session, session.PlaceBooking(id ?? Guid.NewGuid(), FormatId, seats, Now));

    [Fact]
    public void A_booking_gets_a_place_while_its_seats_fit_and_nobody_waits_else_the_wait_list()
    {
        var session = Scheduled(capacity: 3);
        Assert.IsType<SeatsAllocated>(Place(session, 2));
        Assert.IsType<SeatsWaitlisted>(Place(session, 2));
        // One seat is free, but someone waits: strict order, so the wait list.
        Assert.IsType<SeatsWaitlisted>(Place(session, 1));
        Assert.Equal(1, session.FreePlaces);
        Assert.Equal(2, session.WaitList.Count);
    }

    [Fact]
    public void Placing_is_refused_on_another_format_a_cancelled_or_begun_session_and_beyond_its_capacity()
    {
        var session = Scheduled(capacity: 3);
        Assert.Contains("hoort niet", Assert.Throws<RuleViolationException>(() => session.PlaceBooking(Guid.NewGuid(), Guid.NewGuid(), 1, Now)).Message);
        Assert.Contains("3 plaatsen", Assert.Throws<RuleViolationException>(() => session.PlaceBooking(Guid.NewGuid(), FormatId, 4, Now)).Message);
        Assert.Contains("begonnen", Assert.Throws<RuleViolationException>(() => session.PlaceBooking(Guid.NewGuid(), FormatId, 1, Now.AddDays(11))).Message);
        With(session, session.Cancel("De trainer is ziek.")!);
        Assert.Contains("geannuleerd", Assert.Throws<RuleViolationException>(() => session.PlaceBooking(Guid.NewGuid(), FormatId, 1, Now)).Message);
    }

    [Fact]
    public void Releasing_a_place_promotes_the_first_waiting_while_their_seats_fit_in_strict_order()
    {
        var session = Scheduled(capacity: 3);
        var first = Guid.NewGuid();
        Place(session, 3, first);
        var big = Guid.NewGuid();
        var small = Guid.NewGuid();
        Place(session, 2, big);
        Place(session, 1, small);
        Assert.Equal(2, session.WaitListPositionOf(small));

        var changes = session.Release(first);
        Assert.Equal(new object[] { new SeatsReleased(session.Id, first), new SeatsPromoted(session.Id, big, 2), new SeatsPromoted(session.Id, small, 1) },
            changes);
        foreach (var change in changes) With(session, change);
        Assert.Equal(0, session.FreePlaces);
        Assert.Null(session.WaitListPositionOf(small));
    }

    [Fact]
    public void A_waiting_booking_that_does_not_fit_stops_the_promotions_behind_it()
    {
        var session = Scheduled(capacity: 3);
        var first = Guid.NewGuid();
        Place(session, 1, first);
        Place(session, 2);
        var big = Guid.NewGuid();
        Place(session, 3, big);
        Place(session, 1);
        var changes = session.Release(first);
        Assert.Equal([new SeatsReleased(session.Id, first)], changes);
    }

    [Fact]
    public void On_a_cancelled_session_a_release_frees_the_seats_and_promotes_nobody()
    {
        var session = Scheduled(capacity: 1);
        var first = Guid.NewGuid();
        Place(session, 1, first);
        Place(session, 1);
        With(session, session.Cancel("te weinig aanmeldingen")!);
        Assert.Equal([new SeatsReleased(session.Id, first)], session.Release(first));
    }

    [Fact]
    public void Cancelling_carries_the_reason_and_cancelling_again_changes_nothing()
    {
        var session = Scheduled();
        var cancelled = session.Cancel("  De trainer is ziek. ");
        Assert.Equal("De trainer is ziek.", cancelled!.Reason);
        With(session, cancelled);
        Assert.Null(session.Cancel("nog eens"));
        Assert.Throws<RuleViolationException>(() => session.Move(Now.AddDays(20), null, null, Now));
    }

    [Fact]
    public void A_move_goes_to_the_future_and_keeps_what_is_not_given()
    {
        var session = Scheduled();
        Assert.Contains("toekomst", Assert.Throws<RuleViolationException>(() => session.Move(Now.AddDays(-1), null, null, Now)).Message);
        var moved = session.Move(Now.AddDays(20), " ", " https://example.org/sessie ", Now);
        Assert.Equal(Now.AddDays(10), moved.From);
        Assert.Equal(Now.AddDays(20), moved.To);
        Assert.Equal("Wijkcentrum", moved.Place);
        Assert.Equal("https://example.org/sessie", moved.OnlineLink);
    }

    [Fact]
    public void A_session_is_scheduled_in_the_future_with_trainers_of_its_format()
    {
        var trainer = Guid.NewGuid();
        var format = new WorkshopFormat
        {
            Id = FormatId, Slug = "samen", Title = "Samen", DurationMinutes = 120, ParticipantsPerSession = 12, Trainers = [new TrainerOfFormat(trainer)],
        };
        var scheduled = WorkshopSession.Schedule(Guid.NewGuid(), format, Now.AddDays(5), "Wijkcentrum", null, null, null, Now);
        Assert.Equal(12, scheduled.Capacity);
        Assert.Equal([trainer], scheduled.Trainers);
        Assert.Throws<RuleViolationException>(() => WorkshopSession.Schedule(Guid.NewGuid(), format, Now, "x", null, null, null, Now));
        Assert.Throws<RuleViolationException>(() => WorkshopSession.Schedule(Guid.NewGuid(), format, Now.AddDays(5), "x", null, 5, [Guid.NewGuid()], Now));
    }
}
