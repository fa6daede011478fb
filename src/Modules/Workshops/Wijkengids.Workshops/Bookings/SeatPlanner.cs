using Marten;
using Wijkengids.SharedKernel;
using Wijkengids.Workshops.Sessions;
using Wolverine.Marten;
using Contract = Wijkengids.Workshops.Contracts;

namespace Wijkengids.Workshops.Bookings;

/// <summary>
/// Places bookings on sessions and frees their places. Every decision takes the session stream's row lock
/// (FetchForExclusiveWriting) for the rest of the transaction, so concurrent requests are decided one after
/// the other: capacity is never exceeded and the wait list keeps the order of arrival.
/// </summary>
internal sealed class SeatPlanner(IDocumentSession session, IMartenOutbox outbox, TimeProvider clock)
{
    public async Task PlaceAsync(Booking booking, Guid sessionId, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForExclusiveWriting<WorkshopSession>(sessionId, cancellationToken);
        var workshop = stream.Aggregate ?? throw new NotFoundException("Deze sessie bestaat niet.");
        if (workshop.FormatId != booking.FormatId) throw new RuleViolationException("Deze sessie hoort niet bij dit werkatelier.");
        if (workshop.Cancelled) throw new RuleViolationException("Deze sessie is geannuleerd; kies een andere sessie.");
        if (workshop.StartsAt <= clock.GetUtcNow()) throw new RuleViolationException("Deze sessie is al begonnen of voorbij; kies een andere sessie.");
        if (booking.Participants > workshop.Capacity)
        {
            throw new RuleViolationException($"Deze sessie heeft {workshop.Capacity} plaatsen; u vraagt er {booking.Participants}.");
        }

        var decision = workshop.Decide(booking.Id, booking.Participants);
        stream.AppendOne(decision);
        booking.SessionId = workshop.Id;
        booking.SessionStartsAt = workshop.StartsAt;
        var now = clock.GetUtcNow();
        if (decision is SeatsAllocated)
        {
            booking.Status = BookingStatus.Confirmed;
            booking.WaitListPosition = null;
            Append(booking, new BookingConfirmed(booking.Id, workshop.Id));
            await outbox.PublishAsync(new Contract.BookingConfirmed(booking.Id, workshop.Id, workshop.FormatTitle, workshop.StartsAt, workshop.Place,
                booking.ContactName, booking.ContactEmail, booking.StatusUrl, now));
        }
        else
        {
            booking.Status = BookingStatus.Waitlisted;
            booking.WaitListPosition = workshop.WaitList.Count + 1;
            Append(booking, new BookingWaitlisted(booking.Id, workshop.Id, booking.WaitListPosition.Value));
            await outbox.PublishAsync(new Contract.BookingWaitlisted(booking.Id, workshop.Id, workshop.FormatTitle, workshop.StartsAt,
                booking.WaitListPosition.Value, booking.ContactName, booking.ContactEmail, booking.StatusUrl, now));
        }
    }

    /// <summary>Frees the booking's places (or wait-list entry) and promotes whoever is first on the wait list.</summary>
    public async Task ReleaseAsync(Booking booking, CancellationToken cancellationToken)
    {
        if (booking.SessionId is not { } sessionId) return;
        var stream = await session.Events.FetchForExclusiveWriting<WorkshopSession>(sessionId, cancellationToken);
        var workshop = stream.Aggregate ?? throw new NotFoundException("Deze sessie bestaat niet.");
        var released = new SeatsReleased(sessionId, booking.Id);
        stream.AppendOne(released);
        workshop.Apply(released);
        if (workshop.Cancelled) return;

        var promotions = workshop.Promotions().ToList();
        if (promotions.Count == 0)
        {
            await RenumberWaitListAsync(workshop, cancellationToken);
            return;
        }
        var promoted = await session.LoadManyAsync<Booking>(cancellationToken, promotions.Select(p => p.BookingId).ToArray());
        foreach (var promotion in promotions)
        {
            stream.AppendOne(promotion);
            workshop.Apply(promotion);
            var waiting = promoted.Single(b => b.Id == promotion.BookingId);
            waiting.Status = BookingStatus.Confirmed;
            waiting.WaitListPosition = null;
            Append(waiting, new BookingPromoted(waiting.Id, sessionId));
            session.Store(waiting);
            await outbox.PublishAsync(new Contract.BookingPromoted(waiting.Id, sessionId, workshop.FormatTitle, workshop.StartsAt, workshop.Place,
                waiting.ContactName, waiting.ContactEmail, waiting.StatusUrl, clock.GetUtcNow()));
        }
        await RenumberWaitListAsync(workshop, cancellationToken);
    }

    private async Task RenumberWaitListAsync(WorkshopSession workshop, CancellationToken cancellationToken)
    {
        if (workshop.WaitList.Count == 0) return;
        var waiting = await session.LoadManyAsync<Booking>(cancellationToken, workshop.WaitList.Select(w => w.BookingId).ToArray());
        for (var i = 0; i < workshop.WaitList.Count; i++)
        {
            var booking = waiting.Single(b => b.Id == workshop.WaitList[i].BookingId);
            if (booking.WaitListPosition == i + 1) continue;
            booking.WaitListPosition = i + 1;
            session.Store(booking);
        }
    }

    /// <summary>Appends to the booking's own stream with its expected version, and keeps the document's version in step.</summary>
    public void Append(Booking booking, object change)
    {
        session.Events.Append(booking.Id, booking.Version + 1, change);
        booking.Version++;
    }

    /// <summary>Loads a booking for a change; a stale expected version is 409 with a Dutch message.</summary>
    public async Task<Booking> LoadForChangeAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var booking = await session.LoadAsync<Booking>(id, cancellationToken) ?? throw new NotFoundException("Deze aanvraag bestaat niet.");
        if (expectedVersion is { } expected && expected != booking.Version)
        {
            throw new ConflictException("Deze aanvraag is intussen gewijzigd. Bekijk de huidige stand en probeer het opnieuw.");
        }
        return booking;
    }
}
