using Wijkengids.Workshops.Formats;

namespace Wijkengids.Tests.Unit.Workshops;

/// <summary>A format is defined once with its slug; a change carries every field, and no change changes nothing.</summary>
public sealed class FormatDecisionTests
{
    private static FormatContent Content(string title = "Samen aan de slag", decimal price = 1500m) =>
        new(title, "Een werkatelier.", 240, 20, price, ["participatie"], ["1.4"], [Guid.Parse("5f1b7c1e-1d0c-4a55-9c39-0a3f0b2a1c01")]);

    [Fact]
    public void A_definition_carries_the_slug_and_every_field()
    {
        var id = Guid.NewGuid();
        var defined = FormatState.Define(id, "samen-aan-de-slag", Content());
        Assert.Equal(id, defined.FormatId);
        Assert.Equal("samen-aan-de-slag", defined.Slug);
        Assert.Equal(["participatie"], defined.Themes);
        Assert.Equal(1500m, defined.Price);
    }

    [Fact]
    public void A_change_is_recorded_only_when_something_changed()
    {
        var format = FormatState.Create(FormatState.Define(Guid.NewGuid(), "samen-aan-de-slag", Content()));
        Assert.Null(format.Change(Content()));
        var changed = format.Change(Content("Samen verder", 1750m));
        Assert.NotNull(changed);
        Assert.Equal("Samen verder", changed.Title);
        Assert.Equal(1750m, changed.Price);
        format.Apply(changed);
        Assert.Null(format.Change(Content("Samen verder", 1750m)));
        Assert.Equal("samen-aan-de-slag", format.Slug);
    }

    [Fact]
    public void A_second_definition_of_older_streams_counts_as_a_change()
    {
        var id = Guid.NewGuid();
        var format = FormatState.Create(FormatState.Define(id, "samen", Content()));
        format.Apply(FormatState.Define(id, "samen", Content("Later anders")));
        Assert.Equal("Later anders", format.Content.Title);
    }
}
