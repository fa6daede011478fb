using System.Security.Claims;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Contracts;

namespace Wijkengids.Community.Privacy;

/// <summary>AVG access: everything the platform holds about the account, from every module's <see cref="IPersonalDataSource"/>.</summary>
public sealed record ExportPersonalData(Guid AccountId) : IRequest<PersonalDataExport>;

public sealed record PersonalDataExport(Guid Subject, DateTimeOffset ExportedAt, IReadOnlyList<PersonalDataSection> Sections);

internal sealed class ExportPersonalDataHandler(IQuerySession session, IEnumerable<IPersonalDataSource> sources, TimeProvider clock)
    : IRequestHandler<ExportPersonalData, PersonalDataExport>
{
    public async Task<PersonalDataExport> Handle(ExportPersonalData request, CancellationToken cancellationToken)
    {
        var account = await session.LoadAsync<AccountView>(request.AccountId, cancellationToken);
        if (account is null || account.Erased) throw new NotFoundException("Van dit account zijn geen gegevens (meer).");
        var subject = new PersonalDataSubject(account.Id, account.Email);
        var sections = new List<PersonalDataSection>();
        foreach (var source in sources) sections.Add(await source.ExportAsync(subject, cancellationToken));
        return new PersonalDataExport(account.Id, clock.GetUtcNow(), sections.OrderBy(s => s.Module).ToList());
    }

    internal static void MapEndpoint(RouteGroupBuilder me) =>
        me.MapGet("/personal-data", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ExportPersonalData(SignedInAccount.IdOf(user)), ct)))
            .WithName("ExportMyPersonalData").WithSummary("Alles wat het platform over mij bewaart, uit elke module (AVG inzage)");
}
