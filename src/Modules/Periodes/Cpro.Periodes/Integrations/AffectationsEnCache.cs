using Cpro.Kernel.Persistence;
using Cpro.Periodes.Domain;

namespace Cpro.Periodes.Integrations;

/// <summary>A learner's assignment on a period as the portfolio asks for it on each of its pages (its access check): kept
/// briefly, forgotten at the commit of any change to a company period or an assignment.</summary>
internal sealed class AffectationsEnCache() : LecturesEnCache(typeof(PeriodeEntreprise), typeof(AffectationEntreprise));
