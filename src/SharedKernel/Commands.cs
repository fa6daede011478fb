using MediatR;

namespace Wijkengids.SharedKernel;

/// <summary>
/// A request that changes something. It runs in one unit of work (the platform's <c>UnitOfWorkBehavior</c>, docs/adr/0089):
/// its handler appends events and publishes messages through the scoped session and outbox, and the behaviour saves
/// both in one transaction when the handler returns. Handlers never call <c>SaveChangesAsync</c> themselves, and a
/// command handler does not send another command.
/// </summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>
/// A command that says what the person gets when its save lost a race with another request at the same moment: a stale
/// version (another change committed first), a stream or document that another request created first, or a unique value
/// (an address, a slug, a single-use link) another request took first. The unit of work saves after the handler, so the
/// race surfaces there; <see cref="LostRace"/> answers instead of the generic 409 or a 500: it throws the command's own
/// conflict (with links to the current state) or returns the same answer as always (so a race reveals nothing).
/// </summary>
public interface IAnswersLostRace<out TResponse>
{
    TResponse LostRace();
}
