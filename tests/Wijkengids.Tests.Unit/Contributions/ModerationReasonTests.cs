using Wijkengids.Contributions.Moderation;

namespace Wijkengids.Tests.Unit.Contributions;

/// <summary>The fixed list of reasons: stored in events and published, so its codes are pinned.</summary>
public sealed class ModerationReasonTests
{
    [Fact]
    public void The_codes_are_the_documented_ones()
    {
        Assert.Equal(
            ["relevant", "opgenomen", "beantwoord", "spam", "buiten-onderwerp", "persoonsgegevens", "ongepast", "dubbel", "onvoldoende-onderbouwd",
                "besluit-herzien", "besluit-blijft"],
            ModerationReasons.All.Select(r => r.Code));
        Assert.All(ModerationReasons.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Explanation)));
    }

    [Fact]
    public void Every_decision_accepts_only_listed_reasons_and_a_removal_has_no_default()
    {
        Assert.All(ModerationDecisions.All, d => Assert.All(d.Reasons, code => Assert.True(ModerationReasons.Exists(code), code)));
        Assert.All(ModerationDecisions.All.Where(d => d.DefaultReason is not null), d => Assert.Contains(d.DefaultReason, d.Reasons));
        Assert.Null(ModerationDecisions.ProposalRejected.Resolve(null));
        Assert.False(ModerationDecisions.ProposalRejected.Allows(null));
        Assert.False(ModerationDecisions.ProposalRejected.Allows("spam"));
        Assert.True(ModerationDecisions.ProposalRejected.Allows(" dubbel "));
        Assert.Equal("relevant", ModerationDecisions.ReactionPublished.Resolve(""));
        Assert.Equal("niet vastgelegd", ModerationReasons.DutchName(null));
        Assert.Equal(ModerationDecisions.All.Count, ModerationDecisions.All.Select(d => d.Code).Distinct().Count());
    }
}
