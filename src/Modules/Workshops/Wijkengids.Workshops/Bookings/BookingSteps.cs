using JasperFx.Events;
using Wolverine.Marten;
using Contract = Wijkengids.Workshops.Contracts;

namespace Wijkengids.Workshops.Bookings;

/// <summary>
/// What the steps on a booking share: loading its stream for a change (404 when it does not exist, 409 when the version
/// is stale), reading it as the contact sees it, and cancelling it (by an organiser, or with its session). The unit of
/// work saves the events and the messages together.
/// </summary>
internal sealed class BookingSteps(IDocumentSession session, IMartenOutbox outbox, TimeProvider clock)
{
    public const string NotFound = "Deze aanvraag bestaat niet.";

    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<IEventStream<BookingState>> FetchAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken) =>
        session.FetchForChangeAsync<BookingState>(id, expectedVersion, NotFound,
            "Deze aanvraag is intussen gewijzigd. Bekijk de huidige stand en probeer het opnieuw.", cancellationToken);

    /// <summary>The booking as its read model holds it (the contact's details revealed): for the mails a step sends.</summary>
    public async Task<Booking> ViewAsync(Guid id, CancellationToken cancellationToken) =>
        await session.LoadAsync<Booking>(id, cancellationToken) ?? throw new NotFoundException(NotFound);

    /// <summary>
    /// Cancels the booking with <paramref name="reason"/> and tells its contact; nothing when it was cancelled already.
    /// Its places are not freed here: <see cref="SeatPlanning.ReleaseAsync"/> does that, when the session goes on.
    /// </summary>
    public async Task<bool> CancelAsync(IEventStream<BookingState> stream, Booking view, string reason, string formatTitle)
    {
        if (stream.Aggregate!.Cancel(reason) is not { } cancelled) return false;
        stream.AppendOne(cancelled);
        await outbox.PublishAsync(new Contract.BookingCancelled(view.Id, stream.Aggregate.SessionId, formatTitle, cancelled.Reason!,
            view.ContactName, view.ContactEmail, view.StatusUrl, Now));
        return true;
    }
}
