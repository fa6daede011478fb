using Microsoft.Extensions.DependencyInjection;

namespace Wijkengids.Community.Shared;

/// <summary>
/// A command whose save can collide with another request's at the same moment on a unique key: an address that got its
/// account or subscription a moment ago, a single-use link used twice at once. The unit of work saves after the handler,
/// so the collision surfaces there; <see cref="OnCollision"/> says what the person gets instead of a 500 (a 409, or the
/// same answer as always).
/// </summary>
internal interface IUniqueOnSave<out TResponse>
{
    TResponse OnCollision();
}

/// <summary>Wraps the unit of work of an <see cref="IUniqueOnSave{TResponse}"/> command and turns a collision on save into its answer.</summary>
internal sealed class UniqueOnSaveBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IUniqueOnSave<TResponse> guarded) return await next();
        try
        {
            return await next();
        }
        catch (Exception e) when (IsCollision(e))
        {
            return guarded.OnCollision();
        }
    }

    internal static bool IsCollision(Exception e) =>
        e is JasperFx.DocumentAlreadyExistsException || e.GetType().Name == "ExistingStreamIdCollisionException" ||
        e is Npgsql.PostgresException { SqlState: "23505" } || e.InnerException is Npgsql.PostgresException { SqlState: "23505" };
}

internal static class UniqueOnSave
{
    /// <summary>Registers the behaviour just inside validation, around the unit of work (so it sees the save's exceptions).</summary>
    internal static void Register(IServiceCollection services)
    {
        var unitOfWork = services.First(d => d.ServiceType == typeof(IPipelineBehavior<,>) && d.ImplementationType == typeof(UnitOfWorkBehavior<,>));
        // Behaviours run in the order they are registered, the first outermost: this one goes right before the unit of work.
        services.Remove(unitOfWork);
        services.Add(ServiceDescriptor.Transient(typeof(IPipelineBehavior<,>), typeof(UniqueOnSaveBehavior<,>)));
        services.Add(unitOfWork);
    }
}
