using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization;
using FluentValidation.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Wijkengids.Platform;

/// <summary>
/// Status values are C# enums whose members name their stable string and their Dutch name (docs/adr/0096):
/// <code>
/// [JsonConverter(typeof(JsonStringEnumConverter&lt;BookingStatus&gt;))]
/// public enum BookingStatus
/// {
///     [JsonStringEnumMemberName("bevestigd"), Display(Name = "bevestigd")] Confirmed,
/// }
/// </code>
/// The string (<see cref="Wire{T}"/>) is what events, documents, the API, OpenAPI and messages hold, and what forms and
/// query strings send; it never changes once stored. The Dutch name (<see cref="Dutch{T}"/>) is what people read on the
/// site, in mails and in exports. Marten compares the string in LINQ (<see cref="StableEnumLinq"/>).
/// </summary>
public static class StableEnums
{
    private static readonly ConcurrentDictionary<Type, Table> Tables = new();
    private static readonly ConcurrentDictionary<Type, bool> Stable = new();

    /// <summary>The stable string of <paramref name="value"/>, as stored and published ("in-review", "bevestigd").</summary>
    public static string Wire<T>(this T value) where T : struct, Enum => TableOf(typeof(T)).WireOf(value);

    /// <summary>The Dutch name people read ("ter review", "bevestigd").</summary>
    public static string Dutch<T>(this T value) where T : struct, Enum => TableOf(typeof(T)).DutchOf(value);

    /// <summary>Every member, in declaration order.</summary>
    public static IReadOnlyList<T> Values<T>() where T : struct, Enum => TableOf(typeof(T)).Members.Select(m => (T)m.Value).ToList();

    /// <summary>The stable strings as a Dutch enumeration for messages: "open, bezig of gereed".</summary>
    public static string Choices<T>() where T : struct, Enum => TableOf(typeof(T)).Choices;

    /// <summary>Reads a stable string (surrounding white space and case ignored); member names and numbers are no status.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        if (TableOf(typeof(T)).TryParse(text, out var found))
        {
            value = (T)found;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>
    /// A status from a query string or form: null when empty, the member for its stable string, and for anything else a
    /// validation error on <paramref name="field"/> (400 in the API) that names the values that are allowed.
    /// </summary>
    public static T? ParseOrNull<T>(string? text, string field) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TryParse<T>(text, out var value)) return value;
        throw new FluentValidation.ValidationException([new ValidationFailure(field, UnknownValue<T>(text))]);
    }

    /// <summary>The Dutch message for a value that is no <typeparamref name="T"/>.</summary>
    public static string UnknownValue<T>(string? text) where T : struct, Enum => UnknownValue(typeof(T), text);

    public static string UnknownValue(Type enumType, string? text) =>
        $"Onbekende waarde{(string.IsNullOrWhiteSpace(text) ? "" : $" ‘{text.Trim()}’")}. Kies uit: {TableOf(enumType).Choices}.";

    /// <summary>An enum whose members carry stable strings (<see cref="JsonStringEnumMemberNameAttribute"/>).</summary>
    public static bool IsStable(Type type) =>
        type.IsEnum && Stable.GetOrAdd(type, t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.IsDefined(typeof(JsonStringEnumMemberNameAttribute))));

    /// <summary>The stable string of a boxed member or of its underlying number (as LINQ expressions carry it).</summary>
    public static string WireOf(Type enumType, object value) => TableOf(enumType).WireOf(value);

    /// <summary>The Dutch name of a boxed member.</summary>
    public static string DutchOf(Type enumType, object value) => TableOf(enumType).DutchOf(value);

    /// <summary>Every stable string of <paramref name="enumType"/>, in declaration order (for OpenAPI).</summary>
    public static IReadOnlyList<string> WireValues(Type enumType) => TableOf(enumType).Members.Select(m => m.Wire).ToList();

    private static Table TableOf(Type type) => Tables.GetOrAdd(type, t => new Table(t));

    private sealed record Member(object Value, long Number, string Wire, string Dutch);

    private sealed class Table
    {
        private readonly Type _type;

        public Table(Type type)
        {
            if (!type.IsEnum) throw new ArgumentException($"{type.Name} is geen enum.", nameof(type));
            _type = type;
            Members = type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .OrderBy(f => f.MetadataToken)
                .Select(f => new Member(f.GetValue(null)!, Convert.ToInt64(f.GetValue(null), System.Globalization.CultureInfo.InvariantCulture),
                    f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                    ?? throw new InvalidOperationException($"{type.Name}.{f.Name} heeft geen vaste waarde ([JsonStringEnumMemberName])."),
                    f.GetCustomAttribute<DisplayAttribute>()?.Name
                    ?? throw new InvalidOperationException($"{type.Name}.{f.Name} heeft geen Nederlandse naam ([Display(Name = ...)]).")))
                .ToList();
            var wires = Members.Select(m => m.Wire).ToList();
            Choices = wires.Count == 1 ? wires[0] : string.Join(", ", wires.SkipLast(1)) + " of " + wires[^1];
        }

        public IReadOnlyList<Member> Members { get; }
        public string Choices { get; }

        public string WireOf(object value) => Find(value)?.Wire ?? value.ToString()!;
        public string DutchOf(object value) => Find(value)?.Dutch ?? value.ToString()!;

        public bool TryParse(string? text, out object value)
        {
            var wanted = text?.Trim();
            var member = string.IsNullOrEmpty(wanted) ? null : Members.FirstOrDefault(m => string.Equals(m.Wire, wanted, StringComparison.OrdinalIgnoreCase));
            value = member?.Value!;
            return member is not null;
        }

        private Member? Find(object value)
        {
            var number = Convert.ToInt64(value is Enum ? Convert.ChangeType(value, Enum.GetUnderlyingType(_type), System.Globalization.CultureInfo.InvariantCulture) : value,
                System.Globalization.CultureInfo.InvariantCulture);
            return Members.FirstOrDefault(m => m.Number == number);
        }
    }
}

/// <summary>
/// Endpoint metadata: query parameter <see cref="Name"/> takes the stable strings of <see cref="EnumType"/>, and besides
/// them <see cref="Extra"/> (such as "alle"). The OpenAPI document lists them as the parameter's allowed values.
/// </summary>
public sealed record StatusQueryParameter(string Name, Type EnumType, IReadOnlyList<string> Extra);

public static class StatusQueryParameters
{
    /// <summary>Documents that query parameter <paramref name="name"/> is a <typeparamref name="T"/> (plus <paramref name="extra"/> values).</summary>
    public static RouteHandlerBuilder WithStatusQuery<T>(this RouteHandlerBuilder builder, string name, params string[] extra) where T : struct, Enum =>
        builder.WithMetadata(new StatusQueryParameter(name, typeof(T), extra));
}
