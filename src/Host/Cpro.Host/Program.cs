using Carter;
using Cpro.Host.Components;
using Cpro.Host.Components.Layout;
using Cpro.Host.Composition;
using Cpro.Host.Identity;
using Cpro.Host.Ops;
using Cpro.Host.Persistence;
using Cpro.Host.Pipeline;
using Cpro.Kernel.Modules;
using FluentValidation;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Serilog;

// Settings come from the environment and the command line, never from a file: nothing to reload. Watching for an
// appsettings file would watch the whole content root, and every write under it (PostgreSQL's .data/ for run.sh) would
// wake the host.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
// db-apply, db-patch, db-assert… (README): the store's schema managed from the command line.
builder.Host.ApplyJasperFxExtensions();
if (builder.Configuration["CPRO_DB"] is { Length: > 0 } db)
{
    builder.Configuration["ConnectionStrings:Cpro"] = db;
}
builder.WebHost.UseUrls(builder.Configuration["CPRO_URLS"] ?? "http://127.0.0.1:5080");

var catalogue = CproModules.Catalogue();
var services = builder.Services;
// First of the hosted services, which start in the order registered: Data Protection's (added with authentication)
// reads its keys at start, from a table the migrations create.
services.AddHostedService<StartupService>();
services.AddSingleton(catalogue);
services.AddSingleton(TimeProvider.System);
services.AddCproStore(builder.Configuration);
services.AddCproLogging(builder.Configuration);
services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
    context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
services.AddCproAuthentication();
services.AddAntiforgery();
services.AddRazorComponents();
// French text stays readable in the HTML (no &#xE9; for é).
services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
services.AddCascadingAuthenticationState();
services.AddScoped<Cpro.Host.Components.Layout.NavigationEntries>();
services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Cpro";
    document.Info.Description = "API de Cpro, groupée par module.";
    return Task.CompletedTask;
}));
services.AddSingleton<DatabaseReadyCheck.Schema>();
services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [OpsEndpoints.ReadyTag]);

ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("fr");
services.AddMediator(options =>
{
    // Handlers are built at each message, after the command before them committed or failed (UnitOfWork).
    options.ServiceLifetime = ServiceLifetime.Transient;
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>)];
});
foreach (var module in catalogue.All)
{
    module.AddServices(services, builder.Configuration);
}
// By convention, in every module's assembly: its endpoints (mapped under its route group, ModuleEndpoints) and its
// validators, internal types included.
services.Scan(scan => scan.FromAssemblies(catalogue.All.Select(m => m.GetType().Assembly).Distinct())
    .AddClasses(classes => classes.AssignableTo<ICarterModule>(), publicOnly: false).As<ICarterModule>().WithSingletonLifetime()
    .AddClasses(classes => classes.AssignableTo(typeof(IValidator<>)), publicOnly: false).AsImplementedInterfaces().WithScopedLifetime());

var app = builder.Build();

app.UseSerilogRequestLogging();
app.UseExceptionHandler();
// The API answers ProblemDetails; the portal shows its error page.
app.UseWhen(context => Authentication.IsApi(context.Request.Path), api => api.UseStatusCodePages());
app.UseWhen(context => !Authentication.IsApi(context.Request.Path), portal => portal.UseStatusCodePagesWithReExecute("/erreur/{0}"));
app.UseStaticFiles();
// After the status code pages, so a re-executed request is routed again.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAccountGate();
app.UseModulePageGate();
// Blazor renders a re-executed status page (404…) without waiting for its components' async work: the layout's menu is read first.
app.Use(async (context, next) =>
{
    if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
    {
        await context.RequestServices.GetRequiredService<NavigationEntries>().ForCurrentUserAsync();
    }
    await next(context);
});
app.UseAntiforgery();

app.MapOpenApi();
app.MapOps();
app.MapCproModules(catalogue);
app.MapRazorComponents<App>().AddAdditionalAssemblies([.. catalogue.All.Select(m => m.GetType().Assembly).Distinct()]);

return await app.RunJasperFxCommands(args);

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
