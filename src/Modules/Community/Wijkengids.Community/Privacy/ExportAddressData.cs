using Wijkengids.Community.Accounts;
using Wijkengids.Community.Contracts;
using Wijkengids.Community.Shared;

namespace Wijkengids.Community.Privacy;

/// <summary>AVG access without an account: everything every module holds under the address of a mailed link (docs/adr/0104).</summary>
public sealed record ExportAddressData(string Token) : IRequest<AddressDataExport>;

/// <summary>The export, with the address it is about (the person's own, from their link).</summary>
public sealed record AddressDataExport(string Email, Guid Subject, DateTimeOffset ExportedAt, IReadOnlyList<PersonalDataSection> Sections);

internal sealed class ExportAddressDataHandler(IQuerySession session, IEnumerable<IPersonalDataSource> sources, SignedTokens tokens,
    MasterKey masterKey, TimeProvider clock) : IRequestHandler<ExportAddressData, AddressDataExport>
{
    public async Task<AddressDataExport> Handle(ExportAddressData request, CancellationToken cancellationToken)
    {
        var email = RequestAddressDataLinkHandler.AddressOf(tokens, request.Token);
        await AddressWithoutAccount.EnsureAsync(session, email, cancellationToken);
        var subject = new PersonalDataSubject(AddressErasure.SubjectOf(masterKey, email), email);
        var sections = new List<PersonalDataSection>();
        foreach (var source in sources) sections.Add(await source.ExportAsync(subject, cancellationToken));
        return new AddressDataExport(email, subject.SubjectId, clock.GetUtcNow(), sections.OrderBy(s => s.Module).ToList());
    }

    internal static void MapEndpoint(RouteGroupBuilder addressData) =>
        addressData.MapGet("/", async (string? token, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ExportAddressData(token ?? ""), ct)))
            .WithName("ExportAddressData").WithSummary("Zonder account: alles wat het platform onder uw e-mailadres bewaart, met de link uit de mail");
}

internal static class AddressWithoutAccount
{
    /// <summary>An address with an account is seen and erased as that account, signed in.</summary>
    public static async Task EnsureAsync(IQuerySession session, string email, CancellationToken cancellationToken)
    {
        if (await session.Query<AccountView>().AnyAsync(a => a.Email == email && !a.Erased, cancellationToken))
        {
            throw new RuleViolationException("Bij dit e-mailadres hoort een account. Log in en ga naar Mijn gegevens.");
        }
    }
}
