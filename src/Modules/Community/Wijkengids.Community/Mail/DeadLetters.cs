using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.SharedKernel;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Wijkengids.Community.Mail;

/// <summary>
/// Messages of any module that failed for good (after the retries of docs/adr/0081), as Wolverine keeps them in its dead
/// letter table. Admins see them on /beheer/verzending and offer them again (docs/adr/0082).
/// </summary>
public sealed record ListDeadLetters : IRequest<IReadOnlyList<DeadLetter>>;

public sealed record DeadLetter(Guid Id, string MessageType, DateTimeOffset FailedAt, string? ExceptionType, string? ExceptionMessage, int Attempts,
    bool Replaying)
{
    /// <summary>The message's own name, without its namespace ("DeliverMail").</summary>
    public string ShortType => MessageType[(MessageType.LastIndexOf('.') + 1)..];
}

/// <summary>Offers the given dead letters (all when <see cref="Ids"/> is empty) to their handlers again.</summary>
public sealed record ReplayDeadLetters(IReadOnlyList<Guid> Ids) : IRequest<int>;

/// <summary>An admin offered a dead-lettered message to its handler again. The stream is the message's own id.</summary>
public sealed record DeadLetterReplayed(Guid MessageId, string MessageType, string? ExceptionMessage, int Attempts) : IDescribedEvent
{
    public string Describe() => $"Mislukt bericht {MessageType[(MessageType.LastIndexOf('.') + 1)..]} opnieuw aangeboden";
}

internal sealed class ReplayDeadLettersValidator : AbstractValidator<ReplayDeadLetters>
{
    public ReplayDeadLettersValidator() =>
        RuleFor(x => x.Ids.Count).LessThanOrEqualTo(DeadLettersHandler.PageSize)
            .WithMessage($"Geef hoogstens {DeadLettersHandler.PageSize} berichten tegelijk op.");
}

internal sealed class DeadLettersHandler(IWolverineRuntime runtime, IDocumentSession session, IRequestContext context)
    : IRequestHandler<ListDeadLetters, IReadOnlyList<DeadLetter>>, IRequestHandler<ReplayDeadLetters, int>
{
    internal const int PageSize = 200;

    private IDeadLetters Store => runtime.Storage.DeadLetters;

    public async Task<IReadOnlyList<DeadLetter>> Handle(ListDeadLetters request, CancellationToken cancellationToken)
    {
        var results = await Store.QueryAsync(new DeadLetterEnvelopeQuery { PageSize = PageSize }, cancellationToken);
        return results.Envelopes.Select(ToDeadLetter).OrderByDescending(d => d.FailedAt).ToList();
    }

    public async Task<int> Handle(ReplayDeadLetters request, CancellationToken cancellationToken)
    {
        var query = new DeadLetterEnvelopeQuery { PageSize = PageSize, Replayable = false };
        if (request.Ids.Count > 0) query.MessageIds = [.. request.Ids.Distinct()];
        var letters = (await Store.QueryAsync(query, cancellationToken)).Envelopes.Select(ToDeadLetter).ToList();
        if (request.Ids.Count > 0 && letters.Count == 0)
        {
            throw new NotFoundException("Dit bericht staat niet (meer) bij de mislukte berichten; misschien is het al opnieuw aangeboden.");
        }
        if (letters.Count == 0) return 0;

        // The record of who replayed what first: when marking fails, the admin tries again and is recorded again.
        session.Stamp(context);
        foreach (var letter in letters)
        {
            session.Events.Append(letter.Id, new DeadLetterReplayed(letter.Id, letter.MessageType, letter.ExceptionMessage, letter.Attempts));
        }
        await session.SaveChangesAsync(cancellationToken);
        await Store.ReplayAsync(new DeadLetterEnvelopeQuery { MessageIds = [.. letters.Select(l => l.Id)] }, cancellationToken);
        return letters.Count;
    }

    private static DeadLetter ToDeadLetter(DeadLetterEnvelope e) =>
        new(e.Id, e.MessageType, e.FailedAt ?? e.SentAt, e.ExceptionType, e.ExceptionMessage, e.Envelope?.Attempts ?? 0, e.Replayable);

    internal static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/community/dead-letters").WithTags("Community").RequireAuthorization(Policies.Admins);
        group.MapGet("", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListDeadLetters(), ct)))
            .WithName("ListDeadLetters").WithSummary("Berichten die na alle pogingen niet verwerkt konden worden (beheerder)");
        group.MapPost("/replay", async (ReplayBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new ReplayResult(await mediator.Send(new ReplayDeadLetters(body.Ids ?? []), ct))))
            .WithName("ReplayDeadLetters").WithSummary("Mislukte berichten opnieuw aanbieden; zonder ids: alle (beheerder)");
    }

    internal sealed record ReplayBody(IReadOnlyList<Guid>? Ids);

    internal sealed record ReplayResult(int Replayed);
}
