/**
 * The demo service pool (fictional): ~40 providers of the 服务商联盟, ~130 experts of the 服务资源池 and the plan's
 * 10 expert service teams, each serving the register's firms of its areas. Deterministic: the same input gives the
 * same pool. Pure — `insertDemoServicePool` writes it.
 */
import { COUNTIES, type County } from '../../api/domain/program.ts';
import { SERVICE_ITEMS, type PoolStatus, type ServiceItem } from '../../api/domain/services.ts';
import { GIVEN_NAMES, SURNAMES } from '../../content/demo/register-words.ts';
import { createRandom } from '../demo-panorama/random.ts';

export interface DemoTeam {
  number: number;
  name: string;
  focus: string;
  /** Areas whose firms the team serves. */
  counties: County[];
}

/** Ten teams: one per county-level area, the development zones shared by two (the areas a team serves). */
export const DEMO_TEAMS: DemoTeam[] = [
  { number: 1, name: '第一专家服务团（东昌府）', focus: '装备制造、生物医药', counties: ['dongchangfu'] },
  { number: 2, name: '第二专家服务团（茌平）', focus: '有色金属、新材料', counties: ['chiping'] },
  { number: 3, name: '第三专家服务团（临清）', focus: '轴承、精密制造', counties: ['linqing'] },
  { number: 4, name: '第四专家服务团（阳谷）', focus: '电线电缆、化工', counties: ['yanggu'] },
  { number: 5, name: '第五专家服务团（莘县）', focus: '农产品加工、食品', counties: ['shenxian'] },
  { number: 6, name: '第六专家服务团（东阿）', focus: '阿胶与中医药', counties: ['donge'] },
  { number: 7, name: '第七专家服务团（冠县）', focus: '钢管、板材', counties: ['guanxian'] },
  { number: 8, name: '第八专家服务团（高唐）', focus: '造纸、纺织', counties: ['gaotang'] },
  { number: 9, name: '第九专家服务团（经开区·度假区）', focus: '汽车零部件、现代服务', counties: ['etdz', 'jiangbei'] },
  { number: 10, name: '第十专家服务团（高新区）', focus: '新一代信息技术、新材料', counties: ['hitech'] },
];

const PROVIDER_KINDS = ['管理咨询有限公司', '会计师事务所', '律师事务所', '信息技术有限公司', '知识产权代理有限公司', '检验检测有限公司', '融资担保有限公司', '工业设计有限公司'];
const PROVIDER_WORDS = ['鲁信', '水城', '运河', '光岳', '凤凰', '齐鲁', '东岳', '泰和', '恒信', '汇智', '博远', '精诚', '同济', '启明', '华瑞', '中联', '德正', '瑞丰', '聚力', '宏图'];
const KIND_SPECIALTIES: ServiceItem[][] = [
  ['site_management', 'lean_production', 'human_resources'],
  ['finance_tax', 'financing'],
  ['legal', 'policy'],
  ['digital'],
  ['ip_standards', 'title_application'],
  ['site_management', 'energy_saving'],
  ['financing'],
  ['brand_marketing', 'ip_standards'],
];
const EXPERT_TITLES = ['高级工程师', '正高级工程师', '注册会计师', '律师', '高级经济师', '教授', '副教授', '数字化转型咨询师', '注册管理咨询师'];

export interface DemoProvider {
  name: string;
  county: County;
  specialties: ServiceItem[];
  qualifications: string;
  contactName: string;
  contactPhone: string;
  status: PoolStatus;
  statusReason: string;
}

export interface DemoExpert {
  providerIndex: number | null;
  name: string;
  phone: string;
  title: string;
  specialties: ServiceItem[];
  counties: County[];
  status: PoolStatus;
  statusReason: string;
  /** Team number and role, for experts on a team. */
  team: { number: number; role: 'lead' | 'member' } | null;
}

/** Generates the demo alliance and pool: `providers` organisations and 12 experts per team plus 10 outside teams. */
export function generateServicePool(providers = 40, seed = 'service-pool') {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const person = () => pick(SURNAMES) + pick(GIVEN_NAMES);
  const phone = (n: number) => `1390635${String(n).padStart(4, '0')}`;

  const orgs: DemoProvider[] = [];
  const used = new Set<string>();
  for (let i = 0; orgs.length < providers; i++) {
    const kind = i % PROVIDER_KINDS.length;
    const name = `聊城${pick(PROVIDER_WORDS)}${PROVIDER_KINDS[kind]}（演示）`;
    if (used.has(name)) continue;
    used.add(name);
    const status: PoolStatus = orgs.length === providers - 1 ? 'pending' : orgs.length === providers - 2 ? 'suspended' : 'active';
    orgs.push({
      name,
      county: pick(COUNTIES),
      specialties: KIND_SPECIALTIES[kind]!,
      qualifications: '服务机构备案（演示）',
      contactName: person(),
      contactPhone: phone(9000 + orgs.length),
      status,
      statusReason: status === 'suspended' ? '企业评价连续两次低于 3 分，暂停派单待整改（演示）' : status === 'pending' ? '' : '通过入库评审（演示）',
    });
  }

  const experts: DemoExpert[] = [];
  const expert = (team: DemoExpert['team'], counties: County[], status: PoolStatus): DemoExpert => {
    const providerIndex = random() < 0.85 ? Math.floor(random() * (providers - 2)) : null;
    const base = providerIndex === null ? [pick(SERVICE_ITEMS)] : orgs[providerIndex]!.specialties;
    const extra = random() < 0.5 ? [pick(SERVICE_ITEMS)] : [];
    return {
      providerIndex,
      name: person(),
      phone: phone(experts.length + 1),
      title: pick(EXPERT_TITLES),
      specialties: [...new Set([...base, ...extra])],
      counties,
      status,
      statusReason: status === 'retired' ? '本人申请退出（演示）' : status === 'suspended' ? '连续三个月未响应派单（演示）' : status === 'pending' ? '' : '通过入库评审（演示）',
      team,
    };
  };
  for (const team of DEMO_TEAMS) {
    for (let m = 0; m < 12; m++) experts.push(expert({ number: team.number, role: m === 0 ? 'lead' : 'member' }, team.counties, 'active'));
  }
  for (const status of ['active', 'active', 'active', 'active', 'pending', 'pending', 'pending', 'suspended', 'retired', 'retired'] as const) {
    experts.push(expert(null, [], status));
  }
  return { providers: orgs, experts };
}
