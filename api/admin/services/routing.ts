/**
 * Routing suggestions for a request (派单建议): which expert fits, by specialty, area and current load. Pure scoring
 * over candidates the caller loaded; the weights are the bureau's rule of thumb, not from a published source:
 * the exact service item +3, another item of the same support action +1, covering the firm's area (or the whole
 * city) +2, belonging to the team that already serves the firm +2, minus 0.5 per open request the expert holds.
 */
import type { County } from '../../domain/program.ts';
import { SERVICE_ITEM_ACTION, type ServiceItem, type SupportAction } from '../../domain/services.ts';

export interface RoutingCandidate {
  expertId: number;
  name: string;
  teamId: number;
  teamName: string;
  specialties: ServiceItem[];
  counties: County[];
  openRequests: number;
  rating: number | null;
}

export interface RoutingSuggestion extends RoutingCandidate {
  score: number;
  /** Why, as codes the page turns into words: 'item', 'action', 'area', 'firm_team'. */
  reasons: ('item' | 'action' | 'area' | 'firm_team')[];
}

/** Candidates ranked best first (ties: lower load, then higher rating, then name); at most `limit`. */
export function rankExperts(
  request: { supportAction: SupportAction; serviceItem: ServiceItem | null },
  firm: { county: County | null; teamId: number | null },
  candidates: readonly RoutingCandidate[],
  limit = 8,
): RoutingSuggestion[] {
  return candidates
    .map((c) => {
      const reasons: RoutingSuggestion['reasons'] = [];
      let score = 0;
      if (request.serviceItem && c.specialties.includes(request.serviceItem)) {
        score += 3;
        reasons.push('item');
      } else if (c.specialties.some((s) => SERVICE_ITEM_ACTION[s] === request.supportAction)) {
        score += 1;
        reasons.push('action');
      }
      if (c.counties.length === 0 || (firm.county !== null && c.counties.includes(firm.county))) {
        score += 2;
        reasons.push('area');
      }
      if (firm.teamId === c.teamId) {
        score += 2;
        reasons.push('firm_team');
      }
      score -= 0.5 * c.openRequests;
      return { ...c, score, reasons };
    })
    .sort((a, b) => b.score - a.score || a.openRequests - b.openRequests || (b.rating ?? 0) - (a.rating ?? 0) || a.name.localeCompare(b.name))
    .slice(0, limit);
}
