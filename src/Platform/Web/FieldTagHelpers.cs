using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Wijkengids.Platform.Web;

/// <summary>
/// A form field of a <see cref="FormPageModel"/> page: <c>&lt;input veld="title"&gt;</c> gets the id <c>veld-title</c> (the
/// error summary links to it) and, when the page has a reason about that field, <c>aria-invalid="true"</c> and the
/// inline message's id in <c>aria-describedby</c> (after any hint already named there).
/// </summary>
[HtmlTargetElement("input", Attributes = Name)]
[HtmlTargetElement("textarea", Attributes = Name)]
[HtmlTargetElement("select", Attributes = Name)]
[HtmlTargetElement("fieldset", Attributes = Name)]
public sealed class FieldTagHelper : TagHelper
{
    private const string Name = "veld";

    [HtmlAttributeName(Name)] public string Field { get; set; } = "";

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("id")) output.Attributes.SetAttribute("id", "veld-" + Field);
        if (ViewContext.ViewData.Model is not FormPageModel page || page.ErrorFor(Field) is null) return;
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value?.ToString() : null;
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrWhiteSpace(describedBy) ? $"veld-{Field}-fout" : $"{describedBy} veld-{Field}-fout");
        // A group (fieldset) is described by its message; aria-invalid belongs to the controls themselves.
        if (output.TagName != "fieldset") output.Attributes.SetAttribute("aria-invalid", "true");
    }
}

/// <summary>The inline message at a field: <c>&lt;veld-fout veld="title" /&gt;</c> → <c>&lt;p class="field-error" id="veld-title-fout"&gt;…&lt;/p&gt;</c>, nothing when the field is fine.</summary>
[HtmlTargetElement("veld-fout", Attributes = "veld", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("veld")] public string Field { get; set; } = "";

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.ViewData.Model is not FormPageModel page || page.ErrorFor(Field) is not { } message)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("id", $"veld-{Field}-fout");
        output.Content.SetContent(message);
    }
}
