using System.Globalization;
using Marten;
using Wijkengids.Community.Contracts;
using Wijkengids.SharedKernel;

namespace Wijkengids.Workshops.Bookings;

/// <summary>
/// AVG erasure: the contact details and texts of the person's booking requests are masked and their keys deleted.
/// The bookings themselves (area, session, number of participants) stay, so capacity and the wait list stay right.
/// </summary>
public static class BookingErasureHandler
{
    public const string Erased = "[gewist]";

    public static async Task Handle(ErasureRequested message, IDocumentSession session, IPersonalDataVault vault, CancellationToken cancellationToken)
    {
        foreach (var booking in await BookingPersonalData.OfAsync(session, message.SubjectId, message.Email, cancellationToken))
        {
            await vault.EraseAsync(booking.Subject, message.RequestedBy, cancellationToken);
            booking.ContactName = Erased;
            booking.ContactEmail = "";
            booking.Organisation = Erased;
            booking.Goals = Erased;
            booking.CoFinancingMotivation = booking.CoFinancingMotivation is null ? null : Erased;
            session.Store(booking);
        }
    }
}

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
                ["besluit cofinanciering"] = b.CoFinancingDecision, ["toegekend bedrag"] = b.CoFinancingGranted?.ToString(CultureInfo.InvariantCulture),
                ["status"] = b.Status,
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
