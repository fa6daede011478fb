using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Wijkengids.Community.Mail;
using Wijkengids.Community.Subscriptions;
using Wijkengids.Content.Items;
using Wijkengids.Contributions.Contracts;
using Wijkengids.Platform;
using Wijkengids.SharedKernel;
using Wijkengids.Workshops.Bookings;
using ActionStatus = Wijkengids.Workshops.Contracts.ActionStatus;

namespace Wijkengids.Tests.Unit;

/// <summary>
/// The stable strings of every status (docs/adr/0096). They are in stored events and documents, in the API and in
/// messages: renaming or reordering a member must not change them. A new status enum, or a new member, is added here on
/// purpose; a changed string fails here before it reaches a database.
/// </summary>
public sealed class StatusValueTests
{
    private static readonly Dictionary<Type, (string Member, string Wire)[]> Pinned = new()
    {
        [typeof(ItemStatus)] =
        [
            ("Draft", "draft"), ("InReview", "in-review"), ("ChangesRequested", "changes-requested"), ("Approved", "approved"),
            ("Published", "published"), ("Unpublished", "unpublished"), ("Archived", "archived"),
        ],
        [typeof(ProposalStatus)] =
        [
            ("Submitted", "ingediend"), ("InformationRequested", "meer-informatie"), ("Accepted", "geaccepteerd"), ("Rejected", "afgewezen"),
            ("Merged", "samengevoegd"),
        ],
        [typeof(ReactionStatus)] =
        [
            ("Received", "ontvangen"), ("Answered", "beantwoord"), ("Published", "gepubliceerd"), ("Withdrawn", "teruggetrokken"), ("Handled", "afgehandeld"), ("Spam", "spam"),
        ],
        [typeof(SubscriptionStatus)] = [("Requested", "aangevraagd"), ("Confirmed", "bevestigd"), ("Cancelled", "afgemeld"), ("Erased", "gewist")],
        [typeof(SubscriptionFrequency)] = [("EachUpdate", "elke-update"), ("Weekly", "wekelijks")],
        [typeof(DeliveryStatus)] =
        [
            ("Pending", "wachtend"), ("Sending", "bezig"), ("Sent", "verzonden"), ("Failed", "mislukt"), ("Uncertain", "onzeker"),
        ],
        [typeof(BookingStatus)] = [("Received", "ontvangen"), ("Confirmed", "bevestigd"), ("Waitlisted", "wachtlijst"), ("Cancelled", "geannuleerd")],
        [typeof(CoFinancingStatus)] = [("Granted", "toegekend"), ("Refused", "afgewezen"), ("Closed", "gesloten")],
        [typeof(ActionStatus)] = [("Open", "open"), ("InProgress", "bezig"), ("Done", "gereed")],
    };

    public static TheoryData<Type> StatusEnums() => [.. Pinned.Keys];

    /// <summary>Every enum of the modules and their contracts: each is a status with pinned strings.</summary>
    [Fact]
    public void Every_enum_of_the_modules_is_pinned_here()
    {
        var enums = new[] { "Content", "Contributions", "Community", "Workshops" }
            .SelectMany(m => new[] { $"Wijkengids.{m}", $"Wijkengids.{m}.Contracts" })
            .Select(Assembly.Load)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsEnum && !t.IsNested && t.Namespace?.StartsWith("Wijkengids.", StringComparison.Ordinal) == true)
            .ToHashSet();
        Assert.Equal(Pinned.Keys.Select(t => t.FullName).Order(), enums.Select(t => t.FullName).Order());
    }

    [Theory]
    [MemberData(nameof(StatusEnums))]
    public void Every_member_keeps_its_stable_string_everywhere(Type type)
    {
        var members = Enum.GetValues(type).Cast<object>().ToList();
        Assert.Equal(Pinned[type].Select(p => p.Member), members.Select(m => m.ToString()!));
        foreach (var (member, (_, wire)) in members.Zip(Pinned[type]))
        {
            Assert.Equal(wire, StableEnums.WireOf(type, member));
            // What Marten, Wolverine and the API write: the converter on the type, whatever the options.
            Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(member, type));
            Assert.Equal(member, JsonSerializer.Deserialize($"\"{wire}\"", type));
            Assert.Equal(member, JsonSerializer.Deserialize($"\"{wire}\"", type, ApiOptions));
        }
    }

    [Theory]
    [MemberData(nameof(StatusEnums))]
    public void Every_member_has_a_dutch_name(Type type)
    {
        foreach (var member in Enum.GetValues(type))
        {
            var dutch = StableEnums.DutchOf(type, member);
            Assert.False(string.IsNullOrWhiteSpace(dutch), $"{type.Name}.{member} heeft geen Nederlandse naam");
            Assert.NotEqual(member.ToString(), dutch);
        }
    }

    [Theory]
    [MemberData(nameof(StatusEnums))]
    public void The_type_carries_its_converter(Type type)
    {
        var converter = type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType;
        Assert.Equal(typeof(JsonStringEnumConverter<>).MakeGenericType(type), converter);
    }

    [Fact]
    public void Dutch_names_are_what_people_read()
    {
        Assert.Equal("ter review", ItemStatus.InReview.Dutch());
        Assert.Equal("in-review", ItemStatus.InReview.Wire());
        Assert.Equal("meer informatie gevraagd", ProposalStatus.InformationRequested.Dutch());
        Assert.Equal("open, bezig of gereed", StableEnums.Choices<ActionStatus>());
    }

    [Theory]
    [InlineData("bevestigd", true)]
    [InlineData(" Bevestigd ", true)]
    [InlineData("Confirmed", false)]
    [InlineData("1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_stable_string_reads_as_a_status(string? text, bool known)
    {
        Assert.Equal(known, StableEnums.TryParse<BookingStatus>(text, out var status));
        if (known) Assert.Equal(BookingStatus.Confirmed, status);
    }

    [Fact]
    public void An_unknown_filter_value_is_a_dutch_validation_error_that_names_the_values()
    {
        Assert.Null(StableEnums.ParseOrNull<BookingStatus>(" ", "status"));
        Assert.Equal(BookingStatus.Waitlisted, StableEnums.ParseOrNull<BookingStatus>("wachtlijst", "status"));
        var error = Assert.Throws<FluentValidation.ValidationException>(() => StableEnums.ParseOrNull<BookingStatus>("Confirmed", "status"));
        var failure = Assert.Single(error.Errors);
        Assert.Equal("status", failure.PropertyName);
        Assert.Equal("Onbekende waarde ‘Confirmed’. Kies uit: ontvangen, bevestigd, wachtlijst of geannuleerd.", failure.ErrorMessage);
    }

    /// <summary>The API reads enums by their stable strings only: a number is no status.</summary>
    [Theory]
    [InlineData("1")]
    [InlineData("\"1\"")]
    [InlineData("\"Confirmed\"")]
    [InlineData("\"bestaat-niet\"")]
    public void The_api_refuses_anything_but_a_stable_string(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<BookingStatus>(json, ApiOptions));

    private static readonly JsonSerializerOptions ApiOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
    };
}
