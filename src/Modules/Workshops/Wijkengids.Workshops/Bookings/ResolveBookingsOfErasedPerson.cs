namespace Wijkengids.Workshops.Bookings;

/// <summary>
/// AVG erasure (from Community, see Inbound/EraseBookingsOfPerson.cs): the person's booking requests (made while signed in,
/// or with the same e-mail address) are resolved and then erased (docs/adr/0099).
/// - What they left behind is resolved, not orphaned: an open co-financing request is closed, a request without a
///   session or on the wait list is withdrawn (the wait list moves up), and a confirmed booking waits for the organiser.
/// - Then <see cref="BookingErased"/>: their keys are deleted, so the sealed contact details, texts and link can no longer be
///   read, and the projection masks the read model. The bookings themselves (area, session, participants) stay, so capacity
///   and the wait list stay right.
/// The erased person gets no mail about it. Run twice, it finds nothing left to do.
/// </summary>
public sealed record ResolveBookingsOfErasedPerson(Guid SubjectId, string? Email, string RequestedBy) : ICommand<Unit>;

internal sealed class ResolveBookingsOfErasedPersonHandler(IDocumentSession session, IPersonalDataVault vault, SeatPlanning seats, TimeProvider clock)
    : IRequestHandler<ResolveBookingsOfErasedPerson, Unit>
{
    public async Task<Unit> Handle(ResolveBookingsOfErasedPerson request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        session.SetHeader(MetadataHeaders.Reason, BookingState.RequesterErased);
        foreach (var booking in await BookingPersonalData.OfAsync(session, request.SubjectId, request.Email, cancellationToken))
        {
            var stream = await session.Events.FetchForWriting<BookingState>(booking.Id, cancellationToken);
            if (stream.Aggregate is not { } state) continue;
            var changes = state.ResolveErasure(now);
            if (changes.OfType<BookingCancelled>().Any()) await seats.ReleaseAsync(state, cancellationToken);
            stream.AppendMany(changes);
            await vault.EraseAsync(booking.Subject, request.RequestedBy, cancellationToken);
            if (state.Erase(now) is { } erased) stream.AppendOne(erased);
        }
        return Unit.Value;
    }
}
