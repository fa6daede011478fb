using Wijkengids.Community.Contracts;
using Wijkengids.Workshops.Bookings;

namespace Wijkengids.Workshops.Inbound;

/// <summary>
/// AVG erasure (from Community): the person's booking requests (made while signed in, or with the same e-mail address)
/// get <see cref="BookingErased"/>: their keys are deleted, so the sealed contact details, texts and link can no longer
/// be read, and the projection masks the read model. The bookings themselves (area, session, number of participants)
/// stay, so capacity and the wait list stay right; the link still opens the (masked) status page.
/// </summary>
public static class EraseBookingsOfPersonHandler
{
    public static async Task Handle(ErasureRequested message, IDocumentSession session, IPersonalDataVault vault, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var booking in await BookingPersonalData.OfAsync(session, message.SubjectId, message.Email, cancellationToken))
        {
            await vault.EraseAsync(booking.Subject, message.RequestedBy, cancellationToken);
            var stream = await session.Events.FetchForWriting<BookingState>(booking.Id, cancellationToken);
            if (stream.Aggregate?.Erase(now) is { } erased) stream.AppendOne(erased);
        }
    }
}
