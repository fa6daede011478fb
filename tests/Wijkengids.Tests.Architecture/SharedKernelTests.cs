using System.Reflection;
using System.Xml.Linq;
using NetArchTest.Rules;
using Wijkengids.Host;

namespace Wijkengids.Tests.Architecture;

/// <summary>
/// What the SharedKernel may be (docs/adr/0095): only what every module needs – the module interface, the request context,
/// event metadata, problem exceptions, the personal-data sealing API and the contracts modules implement. What modules and
/// the host stand on besides (the MediatR pipeline, the vault, pages and tag helpers, the word diff, upgrade steps) is
/// the Platform's, which knows the SharedKernel and no module. Read from the project files and the built assemblies.
/// </summary>
public sealed class SharedKernelTests
{
    private static readonly Assembly Kernel = typeof(Wijkengids.SharedKernel.IModule).Assembly;
    private static readonly Assembly PlatformAssembly = typeof(Wijkengids.Platform.Web.FormPageModel).Assembly;

    /// <summary>Everything the SharedKernel exports. A type added here is a decision: does every module need it?</summary>
    private static readonly string[] KernelTypes =
    [
        // the module interface and its command line
        "IModule", "ICommandLineCommand",
        // request context and event metadata
        "IRequestContext", "FixedRequestContext", "MetadataHeaders", "SessionMetadata", "EventStore", "EventTypeNames",
        // who may do what
        "Roles", "Policies", "RateLimitPolicies",
        // problem exceptions
        "DomainProblemException", "NotFoundException", "ConflictException", "RuleViolationException", "ForbiddenException",
        "TooManyRequestsException",
        // the personal-data sealing API
        "Sealed", "IPersonalDataVault",
        // contracts modules implement: commands, events that describe themselves to the audit
        "ICommand`1", "IAnswersLostRace`1", "IDescribedEvent", "IRevisionEvent", "IRevisionWritten", "RevisionText",
        "RevisionOrigin", "IReleaseEvent",
    ];

    /// <summary>Namespaces of Razor views, tag helpers and page models.</summary>
    private static readonly string[] RazorNamespaces =
    [
        "Microsoft.AspNetCore.Razor", "Microsoft.AspNetCore.Mvc.Razor", "Microsoft.AspNetCore.Mvc.RazorPages",
        "Microsoft.AspNetCore.Mvc.Rendering", "Microsoft.AspNetCore.Mvc.ViewFeatures", "Microsoft.AspNetCore.Mvc.TagHelpers",
    ];

    private static XDocument ProjectFile(string folder, string name) =>
        XDocument.Load(Path.Combine(Repository.Root(), "src", folder, name + ".csproj"));

    private static string[] Items(XDocument project, string item) =>
        project.Descendants(item).Select(e => (string)e.Attribute("Include")!).Order(StringComparer.Ordinal).ToArray();

    private static string[] OurReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Wijkengids.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_shared_kernel_holds_only_what_every_module_needs()
    {
        var exported = Kernel.GetExportedTypes().Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.True(exported.SequenceEqual(KernelTypes.Order(StringComparer.Ordinal)),
            "De SharedKernel exporteert andere typen dan vastgelegd. Nieuw:\n" + string.Join("\n", exported.Except(KernelTypes)) +
            "\nVerdwenen:\n" + string.Join("\n", KernelTypes.Except(exported)));
    }

    [Fact]
    public void The_shared_kernel_references_only_the_packages_it_needs()
    {
        var project = ProjectFile("SharedKernel", "Wijkengids.SharedKernel");
        // Marten and Wolverine for IModule and the event metadata, MediatR for ICommand; ASP.NET Core for IModule's
        // endpoints and page conventions.
        Assert.Equal(["Marten", "MediatR", "WolverineFx.Marten"], Items(project, "PackageReference"));
        Assert.Equal(["Microsoft.AspNetCore.App"], Items(project, "FrameworkReference"));
        Assert.DoesNotContain(Kernel.GetReferencedAssemblies(), a => a.Name is "DiffPlex" or "FluentValidation");
    }

    [Fact]
    public void The_shared_kernel_has_no_razor_tag_helper_or_page_model_types()
    {
        var project = ProjectFile("SharedKernel", "Wijkengids.SharedKernel");
        Assert.Equal("Microsoft.NET.Sdk", (string?)project.Root!.Attribute("Sdk"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Repository.Root(), "src", "SharedKernel"), "*.cshtml", SearchOption.AllDirectories));

        var web = Kernel.GetTypes().Where(t =>
            typeof(Microsoft.AspNetCore.Razor.TagHelpers.ITagHelperComponent).IsAssignableFrom(t) ||
            typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(t) ||
            typeof(Microsoft.AspNetCore.Mvc.Razor.IRazorPage).IsAssignableFrom(t)).Select(t => t.FullName).ToList();
        Assert.True(web.Count == 0, "Tag helpers, paginamodellen of views in de SharedKernel: " + string.Join(", ", web));

        var result = Types.InAssembly(Kernel).ShouldNot().HaveDependencyOnAny(RazorNamespaces).GetResult();
        Assert.True(result.IsSuccessful, "De SharedKernel gebruikt Razor: " + string.Join(", ", result.FailingTypeNames ?? []));
        // The rule finds what it forbids: the Platform's form page base and tag helpers depend on Razor.
        Assert.False(Types.InAssembly(PlatformAssembly).ShouldNot().HaveDependencyOnAny(RazorNamespaces).GetResult().IsSuccessful);
    }

    [Fact]
    public void The_shared_kernel_does_not_reference_the_platform()
    {
        Assert.Empty(Items(ProjectFile("SharedKernel", "Wijkengids.SharedKernel"), "ProjectReference"));
        Assert.Empty(OurReferences(Kernel));
        var result = Types.InAssembly(Kernel).ShouldNot().HaveDependencyOn("Wijkengids.Platform").GetResult();
        Assert.True(result.IsSuccessful, "De SharedKernel gebruikt het Platform: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_platform_references_no_module()
    {
        Assert.Equal(["../SharedKernel/Wijkengids.SharedKernel.csproj"], Items(ProjectFile("Platform", "Wijkengids.Platform"), "ProjectReference"));
        Assert.Equal(["Wijkengids.SharedKernel"], OurReferences(PlatformAssembly));
        var modules = Modules.All.Select(m => m.GetType().Assembly.GetName().Name!).Append("Wijkengids.Host").ToArray();
        var result = Types.InAssembly(PlatformAssembly).ShouldNot().HaveDependencyOnAny(modules).GetResult();
        Assert.True(result.IsSuccessful, "Het Platform gebruikt een module: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
