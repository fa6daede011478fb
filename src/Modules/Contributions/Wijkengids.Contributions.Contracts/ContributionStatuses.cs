using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Wijkengids.Contributions.Contracts;

// The statuses of reactions and proposals (docs/adr/0096). The stable strings are Dutch, like every code of this module
// ("wijziging", "nieuwe-les"); they are stored in the read models, published in the API and carried by
// ContributionStatusChanged, and never change. [Display(Name)] is what people read (StableEnums.Dutch in the Platform project).
// They live in the Contracts so that a module that receives ContributionStatusChanged can read its status.

/// <summary>Where a proposal stands in moderation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProposalStatus>))]
public enum ProposalStatus
{
    [JsonStringEnumMemberName("ingediend"), Display(Name = "ingediend")] Submitted,
    [JsonStringEnumMemberName("meer-informatie"), Display(Name = "meer informatie gevraagd")] InformationRequested,
    [JsonStringEnumMemberName("geaccepteerd"), Display(Name = "geaccepteerd")] Accepted,
    [JsonStringEnumMemberName("afgewezen"), Display(Name = "afgewezen")] Rejected,
    [JsonStringEnumMemberName("samengevoegd"), Display(Name = "samengevoegd")] Merged,
}

/// <summary>Where a reaction stands in moderation (follows from its flags: spam, handled, published, withdrawn, answered).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReactionStatus>))]
public enum ReactionStatus
{
    [JsonStringEnumMemberName("ontvangen"), Display(Name = "ontvangen")] Received,
    [JsonStringEnumMemberName("beantwoord"), Display(Name = "beantwoord")] Answered,
    [JsonStringEnumMemberName("gepubliceerd"), Display(Name = "gepubliceerd")] Published,
    /// <summary>Taken offline by an editor after it was published, for a reason from the list (docs/adr/0097).</summary>
    [JsonStringEnumMemberName("teruggetrokken"), Display(Name = "teruggetrokken")] Withdrawn,
    [JsonStringEnumMemberName("afgehandeld"), Display(Name = "afgehandeld")] Handled,
    [JsonStringEnumMemberName("spam"), Display(Name = "spam")] Spam,
}
