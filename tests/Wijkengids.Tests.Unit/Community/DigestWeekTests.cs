using Wijkengids.Community.Subscriptions;
using Wijkengids.Platform;

namespace Wijkengids.Tests.Unit.Community;

/// <summary>The weeks of the weekly overview: ISO weeks in Dutch time, due on the Monday after at 07:00, across DST and the year's end.</summary>
public sealed class DigestWeekTests
{
    private static DateTimeOffset Dutch(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, DutchTime.Zone.GetUtcOffset(local));
    }

    [Theory]
    [InlineData(2031, 3, 9, 23, 59, "2031-W10")] // Sunday evening, Dutch time
    [InlineData(2031, 3, 10, 0, 0, "2031-W11")] // Monday midnight: already the next week, though still Sunday in UTC
    [InlineData(2031, 12, 29, 12, 0, "2032-W01")] // the ISO year starts on the Monday of the week with 4 January
    [InlineData(2027, 1, 1, 12, 0, "2026-W53")]
    public void A_moment_belongs_to_its_Dutch_ISO_week(int year, int month, int day, int hour, int minute, string week) =>
        Assert.Equal(week, DigestWeeks.Of(Dutch(year, month, day, hour, minute)));

    [Fact]
    public void A_week_is_due_on_the_monday_after_at_seven_also_across_the_clock_change()
    {
        Assert.Equal(Dutch(2031, 3, 10, 7, 0), DigestWeeks.DueAt("2031-W10"));
        // Summer time starts on Sunday 30 March 2031: the week before is due at 07:00 summer time.
        Assert.Equal(new DateTimeOffset(2031, 3, 31, 5, 0, 0, TimeSpan.Zero), DigestWeeks.DueAt("2031-W13"));
        Assert.Equal(new DateTimeOffset(2031, 10, 27, 6, 0, 0, TimeSpan.Zero), DigestWeeks.DueAt("2031-W43"));
        Assert.Equal(Dutch(2032, 1, 5, 7, 0), DigestWeeks.DueAt("2032-W01"));
    }

    [Fact]
    public void Next_and_previous_cross_the_years_end()
    {
        Assert.Equal("2027-W01", DigestWeeks.Next("2026-W53"));
        Assert.Equal("2026-W53", DigestWeeks.Previous("2027-W01"));
        Assert.Equal("2031-W11", DigestWeeks.Next("2031-W10"));
    }

    [Fact]
    public void A_week_is_described_in_Dutch() =>
        Assert.Equal("week 10 (3 maart tot en met 9 maart 2031)", DigestWeeks.Describe("2031-W10"));

    [Fact]
    public void Notes_are_recognised_when_delivered_again_and_the_week_is_closed_by_sending()
    {
        var id = DigestWeeks.StreamId("2031-W10");
        var week = new DigestWeek();
        var at = Dutch(2031, 3, 5, 12, 0);
        var contribution = Guid.NewGuid();
        week.Apply(new DigestEditionNoted(id, "2031-W10", 7, "Update 7", at, []));
        week.Apply(new DigestContributionNoted(id, "2031-W10", contribution, "reactie", Guid.NewGuid(), "ontvangen", "ontvangen", null, "/gids/1.4", at));
        Assert.True(week.Holds(7));
        Assert.False(week.Holds(8));
        Assert.True(week.Holds(contribution, "ontvangen", at));
        Assert.False(week.Holds(contribution, "beantwoord", at));
        Assert.False(week.Sent);
        Assert.Equal(Dutch(2031, 3, 10, 7, 0), week.DueAt);
        week.Apply(new WeeklyDigestSent(id, "2031-W10", at.AddDays(5), 3));
        Assert.True(week.Sent);
    }
}
