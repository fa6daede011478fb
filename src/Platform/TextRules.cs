using System.Globalization;
using FluentValidation;

namespace Wijkengids.Platform;

/// <summary>Validation rules for text that every module words the same way.</summary>
public static class TextRules
{
    /// <summary>
    /// Text that must be given and may hold at most <paramref name="maxLength"/> characters: <paramref name="whenEmpty"/> when
    /// it is missing, "<paramref name="what"/> mag hoogstens N tekens hebben." when it is too long.
    /// </summary>
    public static IRuleBuilderOptions<T, string> RequiredText<T>(this IRuleBuilder<T, string> rule, string whenEmpty, int maxLength, string what) =>
        rule.NotEmpty().WithMessage(whenEmpty)
            .MaximumLength(maxLength).WithMessage($"{what} mag hoogstens {Count(maxLength)} tekens hebben.");

    /// <summary>
    /// An e-mail address: <paramref name="whenEmpty"/> when it is missing, too long above 254 characters (RFC 5321), and
    /// otherwise it must look like an address.
    /// </summary>
    public static IRuleBuilderOptions<T, string> EmailAddressText<T>(this IRuleBuilder<T, string> rule, string whenEmpty = "Vul een e-mailadres in.") =>
        rule.NotEmpty().WithMessage(whenEmpty)
            .MaximumLength(254).WithMessage("Het e-mailadres is te lang.")
            .EmailAddress().WithMessage("Vul een geldig e-mailadres in.");

    /// <summary>"2000", "20.000": Dutch digit grouping from five digits on, as the messages have always read.</summary>
    private static string Count(int n) => n >= 10_000 ? n.ToString("N0", CultureInfo.GetCultureInfo("nl-NL")) : n.ToString(CultureInfo.InvariantCulture);
}
