using Wijkengids.Community.Shared;

namespace Wijkengids.Community.Accounts;

/// <summary>The new account holder confirms their address with the link from the mail (signed, single use, 48 hours).</summary>
public sealed record ConfirmAccountEmail(string Token) : ICommand<SelfServiceAnswer>, IAnswersLostRace<SelfServiceAnswer>
{
    /// <summary>The same link used twice at the same moment.</summary>
    public SelfServiceAnswer LostRace() => throw new ConflictException(SignedTokens.UsedMessage);
}

internal sealed class ConfirmAccountEmailHandler(AccountSteps steps, SignedTokens tokens, IDocumentSession session, TimeProvider clock)
    : IRequestHandler<ConfirmAccountEmail, SelfServiceAnswer>
{
    public async Task<SelfServiceAnswer> Handle(ConfirmAccountEmail request, CancellationToken cancellationToken)
    {
        var (nonce, payload) = tokens.Read(AccountMails.ConfirmPurpose, request.Token) ?? throw new RuleViolationException(SignedTokens.InvalidMessage);
        var stream = await AccountLinks.UsableAsync(steps, payload, cancellationToken);
        await SignedTokens.ConsumeAsync(session, AccountMails.ConfirmPurpose, nonce, clock, cancellationToken);
        AccountSteps.Record(stream, stream.Aggregate!.ConfirmEmail());
        return new SelfServiceAnswer("Uw e-mailadres is bevestigd. U kunt nu inloggen.");
    }

    internal static void MapEndpoint(RouteGroupBuilder community) =>
        community.MapPost("/registrations/confirm", async (TokenBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ConfirmAccountEmail(body.Token ?? ""), ct)))
            .WithName("ConfirmAccountEmail").WithSummary("E-mailadres van een nieuw account bevestigen (eenmalige link, 48 uur)");

    internal sealed record TokenBody(string? Token);
}

/// <summary>The account a mailed link is for, loaded for a change: a link of an unknown, erased or deactivated account is invalid.</summary>
internal static class AccountLinks
{
    public static async Task<JasperFx.Events.IEventStream<Account>> UsableAsync(AccountSteps steps, string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var guid)) throw new RuleViolationException(SignedTokens.InvalidMessage);
        try
        {
            var stream = await steps.FetchAsync(guid, null, null, cancellationToken);
            if (stream.Aggregate is { Erased: false, Active: true }) return stream;
        }
        catch (NotFoundException)
        {
        }
        throw new RuleViolationException(SignedTokens.InvalidMessage);
    }
}
