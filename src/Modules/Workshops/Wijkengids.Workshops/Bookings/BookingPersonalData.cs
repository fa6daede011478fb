using System.Globalization;
using Wijkengids.Community.Contracts;

namespace Wijkengids.Workshops.Bookings;

/// <summary>AVG access: the werkatelier requests a person made.</summary>
internal sealed class BookingPersonalData(IQuerySession session) : IPersonalDataSource
{
    public async Task<PersonalDataSection> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var bookings = await OfAsync(session, subject.SubjectId, subject.Email, cancellationToken);
        return new PersonalDataSection("workshops", "Aanvragen voor werkateliers", bookings.Select(b => new PersonalDataItem("aanvraag",
            new Dictionary<string, string?>
            {
                ["aangevraagd"] = b.RequestedAt.ToString("O", CultureInfo.InvariantCulture), ["werkatelier"] = b.FormatTitle, ["gebied"] = b.AreaName,
                ["organisatie"] = b.Organisation, ["contactpersoon"] = b.ContactName, ["e-mail"] = b.ContactEmail,
                ["deelnemers"] = b.Participants.ToString(CultureInfo.InvariantCulture), ["doelen"] = b.Goals,
                ["cofinanciering"] = b.CoFinancingRequested?.ToString(CultureInfo.InvariantCulture), ["motivatie"] = b.CoFinancingMotivation,
                ["besluit cofinanciering"] = b.CoFinancingDecision?.Dutch(), ["toegekend bedrag"] = b.CoFinancingGranted?.ToString(CultureInfo.InvariantCulture),
                ["status"] = b.Status.Dutch(),
            })).ToList());
    }

    internal static async Task<IReadOnlyList<Booking>> OfAsync(IQuerySession session, Guid subjectId, string? email, CancellationToken cancellationToken)
    {
        var normalized = email?.Trim().ToLowerInvariant() ?? "";
        return await session.Query<Booking>()
            .Where(b => b.AccountId == subjectId || b.Subject == subjectId || (normalized != "" && b.ContactEmail == normalized))
            .OrderBy(b => b.RequestedAt)
            .ToListAsync(cancellationToken);
    }
}
