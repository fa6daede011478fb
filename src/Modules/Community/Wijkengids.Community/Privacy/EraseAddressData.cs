using Wijkengids.Community.Shared;
using Wolverine.Marten;

namespace Wijkengids.Community.Privacy;

/// <summary>
/// AVG erasure without an account, asked by the person with the link mailed to their address (docs/adr/0104): the same
/// erasure an admin does by address (<see cref="ErasePersonalDataByEmail"/>), requested by the data subject themself.
/// </summary>
public sealed record EraseAddressData(string Token) : ICommand<ErasureResult>;

internal sealed class EraseAddressDataHandler(
    IDocumentSession session,
    IMartenOutbox outbox,
    IRequestContext context,
    IPersonalDataVault vault,
    SignedTokens tokens,
    MasterKey masterKey,
    TimeProvider clock) : IRequestHandler<EraseAddressData, ErasureResult>
{
    public const string Reason = "op eigen verzoek, bevestigd met de link uit de e-mail";

    public async Task<ErasureResult> Handle(EraseAddressData request, CancellationToken cancellationToken)
    {
        var email = RequestAddressDataLinkHandler.AddressOf(tokens, request.Token);
        await AddressWithoutAccount.EnsureAsync(session, email, cancellationToken);
        var subject = AddressErasure.SubjectOf(masterKey, email);
        return await AddressErasure.EraseEverythingAsync(session, outbox, vault, masterKey, context, subject.ToString("N"), email, Reason,
            clock.GetUtcNow(), cancellationToken);
    }

    internal static void MapEndpoint(RouteGroupBuilder addressData) =>
        addressData.MapPost("/erase", async (TokenBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new EraseAddressData(body.Token ?? ""), ct)))
            .WithName("EraseAddressData").WithSummary("Zonder account: alles onder uw e-mailadres wissen, met de link uit de mail (AVG)");

    internal sealed record TokenBody(string? Token);
}
