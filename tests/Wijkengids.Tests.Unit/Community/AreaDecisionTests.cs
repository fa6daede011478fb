using Wijkengids.Community.Areas;
using Wijkengids.SharedKernel;

namespace Wijkengids.Tests.Unit.Community;

public sealed class AreaDecisionTests
{
    private static readonly AreaView Region = new() { Id = Guid.NewGuid(), Name = "Zuid-Holland", Level = AreaLevels.Region };
    private static readonly AreaView Schiedam = new() { Id = Guid.NewGuid(), Name = "Schiedam", Level = AreaLevels.Municipality };
    private static readonly AreaView Groenoord = new() { Id = Guid.NewGuid(), Name = "Groenoord", Level = AreaLevels.Neighbourhood, ParentId = Schiedam.Id };

    private static Dictionary<Guid, AreaView> Areas() => new[] { Region, Schiedam, Groenoord }.ToDictionary(a => a.Id);

    [Fact]
    public void A_neighbourhood_lies_in_a_municipality_and_a_region_in_nothing()
    {
        var id = Guid.NewGuid();
        Assert.Equal(new AreaRegistered(id, "Oost", AreaLevels.Neighbourhood, Schiedam.Id), Area.Register(id, " Oost ", AreaLevels.Neighbourhood, Schiedam.Id, Areas()));
        Assert.Throws<RuleViolationException>(() => Area.Register(id, "Oost", AreaLevels.Neighbourhood, Region.Id, Areas()));
        Assert.Throws<RuleViolationException>(() => Area.Register(id, "Noord", AreaLevels.Region, Region.Id, Areas()));
        Assert.Throws<RuleViolationException>(() => Area.Register(id, "Oost", AreaLevels.Neighbourhood, Guid.NewGuid(), Areas()));
    }

    [Fact]
    public void Two_areas_of_one_level_and_name_in_one_place_conflict_whatever_the_case()
    {
        Assert.Throws<ConflictException>(() => Area.Register(Guid.NewGuid(), "groenoord", AreaLevels.Neighbourhood, Schiedam.Id, Areas()));
    }

    [Fact]
    public void Moving_a_municipality_into_a_region_is_a_change_and_staying_put_is_none()
    {
        var schiedam = Area.Create(new AreaRegistered(Schiedam.Id, Schiedam.Name, Schiedam.Level, null));
        Assert.Null(schiedam.Change("Schiedam ", null, Areas()));
        var moved = schiedam.Change("Schiedam", Region.Id, Areas());
        Assert.Equal(new AreaChanged(Schiedam.Id, "Schiedam", Region.Id), moved);
        schiedam.Applied(moved);
        Assert.Equal(Region.Id, schiedam.ParentId);
    }
}
