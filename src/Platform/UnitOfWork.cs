using JasperFx.Events;
using Marten;
using MediatR;
using Wolverine.Marten;
using Wijkengids.SharedKernel;

namespace Wijkengids.Platform;

/// <summary>
/// Saves what a command's handler did: the session is stamped with actor, correlation and causation and enrolled in
/// Wolverine's outbox before the handler runs, and saved (events, documents and outgoing messages in one transaction)
/// after it returned. A stale expected version surfaces as Marten's ConcurrencyException: a 409 in the API, the
/// "changed meanwhile" message on a page. Queries pass through untouched.
/// </summary>
public sealed class UnitOfWorkBehavior<TRequest, TResponse>(IDocumentSession session, IMartenOutbox outbox, IRequestContext context)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>) return await next();
        outbox.EnrollWith(session, context);
        var response = await next();
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (request is IAnswersLostRace<TResponse> answers && LostRace(e))
        {
            return answers.LostRace();
        }
        return response;
    }

    private static bool LostRace(Exception e) =>
        e is JasperFx.ConcurrencyException or JasperFx.DocumentAlreadyExistsException
        || e is Marten.Exceptions.ExistingStreamIdCollisionException
        || e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
        || e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}

/// <summary>Loading an aggregate's stream for a change, the same way in every module.</summary>
public static class EventStreams
{
    /// <summary>
    /// Fetches the stream of <typeparamref name="T"/> for writing (its inline snapshot, or built from the events) and checks
    /// that it exists and that the caller saw its current version: a missing stream is a 404 with <paramref name="notFound"/>,
    /// a stale <paramref name="expectedVersion"/> a 409 with <paramref name="stale"/>. Without an expected version (internal
    /// steps such as a message handler) only the save's own optimistic check applies. With <paramref name="visible"/>, an
    /// aggregate this person may not see (someone else's proposal) is a 404 too, checked before the version.
    /// </summary>
    public static async Task<IEventStream<T>> FetchForChangeAsync<T>(this IDocumentSession session, Guid id, long? expectedVersion,
        string notFound, string stale, CancellationToken cancellationToken, Func<T, bool>? visible = null) where T : class
    {
        var stream = await session.Events.FetchForWriting<T>(id, cancellationToken);
        if (stream.Aggregate is null || visible?.Invoke(stream.Aggregate) == false) throw new NotFoundException(notFound);
        if (expectedVersion is { } expected && expected != stream.CurrentVersion) throw new ConflictException(stale);
        return stream;
    }
}
