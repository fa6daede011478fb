using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.Contributions.Contracts;
using Wijkengids.SharedKernel;
using Wolverine.Marten;

namespace Wijkengids.Contributions.Reactions;

/// <summary>An editor publishes a reaction under its section or lesson, or withdraws it.</summary>
public sealed record PublishReaction(Guid ReactionId, bool Publish, long? ExpectedVersion, string? Reason) : IRequest<ReactionDetails>;

/// <summary>An editor answers a reaction: publicly (shown under it) or by mail to the sender.</summary>
public sealed record AnswerReaction(Guid ReactionId, string Answer, bool Public, long? ExpectedVersion) : IRequest<ReactionDetails>;

/// <summary>An editor marks a reaction as handled.</summary>
public sealed record HandleReaction(Guid ReactionId, long? ExpectedVersion, string? Reason) : IRequest<ReactionDetails>;

/// <summary>An editor hides a reaction as spam; a reason is required.</summary>
public sealed record MarkReactionAsSpam(Guid ReactionId, string Reason, long? ExpectedVersion) : IRequest<ReactionDetails>;

internal sealed class AnswerReactionValidator : AbstractValidator<AnswerReaction>
{
    public AnswerReactionValidator() =>
        RuleFor(x => x.Answer).NotEmpty().WithMessage("Schrijf een antwoord.")
            .MaximumLength(5000).WithMessage("Het antwoord mag hoogstens 5000 tekens hebben.");
}

internal sealed class MarkReactionAsSpamValidator : AbstractValidator<MarkReactionAsSpam>
{
    public MarkReactionAsSpamValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Geef een reden waarom dit spam is.")
            .MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
}

internal sealed class ModerateReactionHandler(IDocumentSession session, IMartenOutbox outbox, IRequestContext context, TimeProvider clock)
    : IRequestHandler<PublishReaction, ReactionDetails>, IRequestHandler<AnswerReaction, ReactionDetails>,
        IRequestHandler<HandleReaction, ReactionDetails>, IRequestHandler<MarkReactionAsSpam, ReactionDetails>
{
    public async Task<ReactionDetails> Handle(PublishReaction request, CancellationToken cancellationToken)
    {
        var reaction = await LoadAsync(request.ReactionId, request.ExpectedVersion, cancellationToken);
        if (reaction.Spam && request.Publish) throw new RuleViolationException("Een reactie die als spam is verborgen kan niet worden gepubliceerd.");
        if (reaction.Published == request.Publish) return ReactionDetails.From(reaction);
        reaction.Published = request.Publish;
        object change = request.Publish ? new ReactionPublished(reaction.Id) : new ReactionUnpublished(reaction.Id);
        return await SaveAsync(reaction, change, request.Reason, request.Publish ? "gepubliceerd" : "ontvangen", null, mailSender: false, cancellationToken,
            readersSeeIt: true);
    }

    public async Task<ReactionDetails> Handle(AnswerReaction request, CancellationToken cancellationToken)
    {
        var reaction = await LoadAsync(request.ReactionId, request.ExpectedVersion, cancellationToken);
        if (reaction.Spam) throw new RuleViolationException("Een reactie die als spam is verborgen wordt niet beantwoord.");
        reaction.Answer = request.Answer.Trim();
        reaction.AnswerPublic = request.Public;
        reaction.AnsweredAt = clock.GetUtcNow();
        return await SaveAsync(reaction, new ReactionAnswered(reaction.Id, reaction.Answer, request.Public), null, "beantwoord",
            reaction.Answer, mailSender: !request.Public, cancellationToken, readersSeeIt: reaction.Published);
    }

    public async Task<ReactionDetails> Handle(HandleReaction request, CancellationToken cancellationToken)
    {
        var reaction = await LoadAsync(request.ReactionId, request.ExpectedVersion, cancellationToken);
        if (reaction.Handled) return ReactionDetails.From(reaction);
        reaction.Handled = true;
        return await SaveAsync(reaction, new ReactionHandled(reaction.Id), request.Reason, "afgehandeld", null, mailSender: false, cancellationToken);
    }

    public async Task<ReactionDetails> Handle(MarkReactionAsSpam request, CancellationToken cancellationToken)
    {
        var reaction = await LoadAsync(request.ReactionId, request.ExpectedVersion, cancellationToken);
        if (reaction.Spam) return ReactionDetails.From(reaction);
        var wasPublished = reaction.Published;
        reaction.Spam = true;
        reaction.Published = false;
        reaction.SpamReason = request.Reason.Trim();
        return await SaveAsync(reaction, new ReactionMarkedAsSpam(reaction.Id), request.Reason, "spam", null, mailSender: false, cancellationToken,
            readersSeeIt: wasPublished);
    }

    private async Task<ReactionView> LoadAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var reaction = await session.LoadAsync<ReactionView>(id, cancellationToken) ?? throw new NotFoundException("Deze reactie bestaat niet.");
        if (expectedVersion is { } expected && expected != reaction.Version)
        {
            throw new ConflictException("Deze reactie is intussen door iemand anders behandeld. Bekijk de huidige stand en probeer het opnieuw.");
        }
        return reaction;
    }

    private async Task<ReactionDetails> SaveAsync(ReactionView reaction, object change, string? reason, string status, string? message,
        bool mailSender, CancellationToken cancellationToken, bool readersSeeIt = false)
    {
        session.Stamp(context, reason);
        session.Events.Append(reaction.Id, reaction.Version + 1, change);
        reaction.Version++;
        session.Store(reaction);
        var messages = outbox.EnrollWith(session, context);
        await messages.PublishAsync(new ContributionStatusChanged(reaction.Id, "reactie", reaction.AccountId,
            status, message, ReactionAbout.Url(reaction.About), clock.GetUtcNow(),
            mailSender ? reaction.Email : null, mailSender ? reaction.Name : null));
        // The guide's public pages show published reactions and are cached: tell Content that what readers see changed.
        if (readersSeeIt) await messages.PublishAsync(new PublishedReactionsChanged(reaction.About, clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
        return ReactionDetails.From(reaction);
    }

    internal static void MapEndpoints(RouteGroupBuilder moderation)
    {
        moderation.MapPost("/reactions/{id:guid}/publish", async (Guid id, VersionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PublishReaction(id, true, body.ExpectedVersion, body.Reason), ct)))
            .WithName("PublishReaction").WithSummary("Reactie publiceren onder de paragraaf of les (redacteur)");
        moderation.MapPost("/reactions/{id:guid}/unpublish", async (Guid id, VersionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PublishReaction(id, false, body.ExpectedVersion, body.Reason), ct)))
            .WithName("UnpublishReaction").WithSummary("Gepubliceerde reactie terugtrekken (redacteur)");
        moderation.MapPost("/reactions/{id:guid}/answer", async (Guid id, AnswerBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AnswerReaction(id, body.Answer ?? "", body.Public, body.ExpectedVersion), ct)))
            .WithName("AnswerReaction").WithSummary("Reactie beantwoorden, openbaar of per e-mail (redacteur)");
        moderation.MapPost("/reactions/{id:guid}/handle", async (Guid id, VersionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new HandleReaction(id, body.ExpectedVersion, body.Reason), ct)))
            .WithName("HandleReaction").WithSummary("Reactie afhandelen (redacteur)");
        moderation.MapPost("/reactions/{id:guid}/spam", async (Guid id, VersionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new MarkReactionAsSpam(id, body.Reason ?? "", body.ExpectedVersion), ct)))
            .WithName("MarkReactionAsSpam").WithSummary("Reactie als spam verbergen, met reden (redacteur)");
    }

    internal sealed record VersionBody(long? ExpectedVersion, string? Reason);

    internal sealed record AnswerBody(string? Answer, bool Public, long? ExpectedVersion);
}
