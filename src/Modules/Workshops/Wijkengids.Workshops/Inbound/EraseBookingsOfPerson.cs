using Wijkengids.Community.Contracts;
using Wijkengids.Workshops.Bookings;

namespace Wijkengids.Workshops.Inbound;

/// <summary>
/// AVG erasure (from Community): the person's bookings are resolved and erased by one command
/// (<see cref="ResolveBookingsOfErasedPerson"/>), in its own unit of work, since freeing a wait-list place tells whoever
/// moves up (through the outbox).
/// </summary>
public static class EraseBookingsOfPersonHandler
{
    public static Task Handle(ErasureRequested message, IMediator mediator, CancellationToken cancellationToken) =>
        mediator.Send(new ResolveBookingsOfErasedPerson(message.SubjectId, message.Email, message.RequestedBy), cancellationToken);
}
