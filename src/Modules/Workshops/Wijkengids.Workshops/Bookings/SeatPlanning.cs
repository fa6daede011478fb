using JasperFx.Events;
using Wijkengids.Workshops.Sessions;
using Wolverine.Marten;
using Contract = Wijkengids.Workshops.Contracts;

namespace Wijkengids.Workshops.Bookings;

/// <summary>
/// Seats across two streams, in one unit of work (docs/adr/0091): the session's stream is the seat ledger and decides;
/// each booking's stream records what that means for the booking. The session's stream is fetched for writing with its
/// row lock (FetchForExclusiveWriting) for the rest of the transaction, so concurrent requests are decided one after the
/// other: capacity is never exceeded and the wait list keeps the order of arrival. Bookings promoted from the wait list
/// are fetched for writing too, so a concurrent change of one of them fails the save instead of being overwritten.
/// </summary>
internal sealed class SeatPlanning(IDocumentSession session, IMartenOutbox outbox, TimeProvider clock)
{
    /// <summary>The session's stream, locked until the unit of work ends; 404 when there is no such session.</summary>
    public async Task<IEventStream<WorkshopSession>> LockAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForExclusiveWriting<WorkshopSession>(sessionId, cancellationToken);
        if (stream.Aggregate is null) throw new NotFoundException(SessionRules.NotFound);
        return stream;
    }

    /// <summary>
    /// Places <paramref name="booking"/> on the session: a place when there is room and nobody waits, else the wait list.
    /// Appends the seat to the session and answers with the booking's event (the caller appends it to the booking's stream),
    /// and tells the contact.
    /// </summary>
    public async Task<object> PlaceAsync(BookingState booking, Guid sessionId, Contact contact, CancellationToken cancellationToken)
    {
        var stream = await LockAsync(sessionId, cancellationToken);
        var workshop = stream.Aggregate!;
        var now = clock.GetUtcNow();
        var seat = workshop.PlaceBooking(booking.Id, booking.FormatId, booking.Participants, now);
        var placed = booking.Placed(seat, workshop.WaitList.Count + 1);
        stream.AppendOne(seat);
        if (placed is BookingWaitlisted waitlisted)
        {
            await outbox.PublishAsync(new Contract.BookingWaitlisted(booking.Id, workshop.Id, workshop.FormatTitle, workshop.StartsAt,
                waitlisted.Position, contact.Name, contact.Email, contact.StatusUrl, now));
        }
        else
        {
            await outbox.PublishAsync(new Contract.BookingConfirmed(booking.Id, workshop.Id, workshop.FormatTitle, workshop.StartsAt, workshop.Place,
                contact.Name, contact.Email, contact.StatusUrl, now));
        }
        return placed;
    }

    /// <summary>
    /// Frees the booking's places (or its place on the wait list); on a session that goes on, whoever waits first gets a
    /// place, in strict order, each in their own stream, and is told.
    /// </summary>
    public async Task ReleaseAsync(BookingState booking, CancellationToken cancellationToken)
    {
        if (booking.SessionId is not { } sessionId) return;
        var stream = await LockAsync(sessionId, cancellationToken);
        var workshop = stream.Aggregate!;
        var changes = workshop.Release(booking.Id);
        stream.AppendMany(changes);
        foreach (var promotion in changes.OfType<SeatsPromoted>())
        {
            var waiting = await session.Events.FetchForWriting<BookingState>(promotion.BookingId, cancellationToken);
            if (waiting.Aggregate?.Promote(sessionId) is not { } promoted) continue;
            waiting.AppendOne(promoted);
            var view = await session.LoadAsync<Booking>(promotion.BookingId, cancellationToken);
            if (view is null) continue;
            await outbox.PublishAsync(new Contract.BookingPromoted(view.Id, sessionId, workshop.FormatTitle, workshop.StartsAt, workshop.Place,
                view.ContactName, view.ContactEmail, view.StatusUrl, clock.GetUtcNow()));
        }
    }
}

/// <summary>Whom the mails of a placement go to.</summary>
internal sealed record Contact(string Name, string Email, string StatusUrl)
{
    public static Contact Of(Booking view) => new(view.ContactName, view.ContactEmail, view.StatusUrl);
}
