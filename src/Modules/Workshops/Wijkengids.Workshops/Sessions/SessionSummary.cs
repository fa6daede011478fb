namespace Wijkengids.Workshops.Sessions;

public sealed record SessionSummary(Guid Id, Guid FormatId, string FormatTitle, string FormatSlug, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? Place, string? OnlineLink, int Capacity, int FreePlaces, int WaitListLength, bool Cancelled, long Version)
{
    public static SessionSummary From(WorkshopSession s) => new(s.Id, s.FormatId, s.FormatTitle, s.FormatSlug, s.StartsAt, s.EndsAt, s.Place,
        s.OnlineLink, s.Capacity, s.FreePlaces, s.WaitList.Count, s.Cancelled, s.Version);
}
