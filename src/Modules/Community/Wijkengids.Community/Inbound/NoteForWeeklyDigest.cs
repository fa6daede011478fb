using Wijkengids.Community.Accounts;
using Wijkengids.Community.Subscriptions;
using Wijkengids.Content.Contracts;
using Wijkengids.Contributions.Contracts;
using Wolverine.Runtime.Handlers;

namespace Wijkengids.Community.Inbound;

/// <summary>Every published update is noted in the open week of the weekly overview (docs/adr/0101).</summary>
public static class NoteEditionForWeeklyDigestHandler
{
    public static void Configure(HandlerChain chain) => DigestWeeks.RetryOnRace(chain);

    public static async Task Handle(EditionPublished edition, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (week, stream, previous) = await DigestWeeks.OpenWeekAsync(session, clock.GetUtcNow(), cancellationToken);
        // A redelivered message is noted once, also when its first delivery landed in the week before.
        if (stream.Aggregate?.Holds(edition.Number) == true || previous?.Holds(edition.Number) == true) return;
        var items = edition.Items.Select(i => new DigestGuideItem(i.Title, i.Url, i.Change == "major", i.Note, i.Themes, i.Chapters ?? [])).ToList();
        stream.AppendOne(new DigestEditionNoted(stream.Id, week, edition.Number, edition.Title, edition.PublishedAt, items));
    }
}

/// <summary>
/// What happened to a contribution of an account holder who chose the weekly overview is noted for it: received,
/// answered, accepted, published in an update, rejected with the reason, the outcome of an objection (docs/adr/0101).
/// </summary>
public static class NoteContributionForWeeklyDigestHandler
{
    public static void Configure(HandlerChain chain) => DigestWeeks.RetryOnRace(chain);

    public static async Task Handle(ContributionStatusChanged change, IDocumentSession session, IPersonalDataVault vault, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // Telling a sender that their text was filed as spam only helps spammers; senders without an account get no overview.
        if (change.Status == ReactionStatus.Spam.Wire() || change.ContributorAccountId is not { } accountId) return;
        if (await session.LoadAsync<AccountView>(accountId, cancellationToken) is not { Active: true, Erased: false, PendingConfirmation: false } account) return;
        var weekly = await session.Query<SubscriptionView>().AnyAsync(s => s.Email == account.Email && s.Status == SubscriptionStatus.Confirmed
            && s.Frequency == SubscriptionFrequency.Weekly, cancellationToken);
        if (!weekly) return;

        var (week, stream, previous) = await DigestWeeks.OpenWeekAsync(session, clock.GetUtcNow(), cancellationToken);
        if (stream.Aggregate?.Holds(change.ContributionId, change.Status, change.ChangedAt) == true ||
            previous?.Holds(change.ContributionId, change.Status, change.ChangedAt) == true) return;
        var kind = change.Kind switch { "reaction" => "reactie", "proposal" => "voorstel", _ => change.Kind };
        var message = string.IsNullOrWhiteSpace(change.Message) ? null : await vault.SealAsync(accountId, change.Message.Trim(), cancellationToken);
        stream.AppendOne(new DigestContributionNoted(stream.Id, week, change.ContributionId, kind, accountId,
            change.Status, change.StatusText ?? change.Status, message, change.Url, change.ChangedAt));
    }
}
