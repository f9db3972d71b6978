package measures

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// The edition sz2022: 深府规〔2022〕5号, every clause and every money item in
// the order of the policy. Each item quotes the words it rests on; a test
// checks that every quotation stands in the policy's text as written.

// sz2022Text is the policy as published, byte for byte (a copy of
// shared/policy/shenzhen-software-measures-2022.txt).
//
//go:embed policy.txt
var sz2022Text string

// SZ2022 returns the edition of 深府规〔2022〕5号, issued 2022-09-28, in force
// from 2022-10-15 for five years.
func SZ2022() *Edition {
	return NewEdition(Edition{
		ID:            "sz2022",
		Policy:        "深府规〔2022〕5号",
		Title:         "深圳市推动软件产业高质量发展的若干措施（深府规〔2022〕5号，2022-09-28 印发，2022-10-15 施行）",
		Issued:        Day{2022, 9, 28},
		TextName:      "sz2022.txt",
		Text:          sz2022Text,
		Annex:         annex(),
		Clauses:       clauses(),
		Measures:      measureList(),
		Alternatives:  alternatives(),
		Supplementary: supplementary(),
	})
}

func amt(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func capAt(s string) *decimal.Decimal {
	d := amt(s)
	return &d
}

var (
	parkLevels = []string{"national", "provincial", "municipal"}
	// The levels as the policy names them: 国家级、省级、市级软件名园.
	parkNames = Aliases{
		"national":   {"国家级", "国家", "国家级软件名园"},
		"provincial": {"省级", "省", "广东省", "省级软件名园"},
		"municipal":  {"市级", "市", "深圳市", "市级软件名园"},
	}
	standards = []string{"national", "industry", "local", "group"}
	// 国际标准、国家标准、行业标准、地方标准、团体标准.
	standardNames = Aliases{
		"national": {"国家标准", "国家", "国家级", "国标"},
		"industry": {"行业标准", "行业", "行标"},
		"local":    {"地方标准", "地方", "地标"},
		"group":    {"团体标准", "团体", "团标"},
	}
	certNames = certificationNames()
	certs     = []string{
		"cmmi-1", "cmmi-2", "cmmi-3", "cmmi-4", "cmmi-5",
		"csmm-1", "csmm-2", "csmm-3", "csmm-4", "csmm-5",
		"dcmm-1", "dcmm-2", "dcmm-3", "dcmm-4", "dcmm-5",
		"other",
	}
)

// certificationNames are the names certificates give their levels: CMMI
// ML5, CMMI优化级, DCMM稳健级, CSMM量化提升级.
func certificationNames() Aliases {
	levels := map[string][5]string{
		"cmmi": {"初始级", "已管理级", "已定义级", "量化管理级", "优化级"},
		"csmm": {"初始级", "项目规范级", "组织改进级", "量化提升级", "创新引领级"},
		"dcmm": {"初始级", "受管理级", "稳健级", "量化管理级", "优化级"},
	}
	names := Aliases{"other": {"其他认证", "其他"}}
	for scheme, ls := range levels {
		for i, l := range ls {
			upper := strings.ToUpper(scheme)
			names[fmt.Sprintf("%s-%d", scheme, i+1)] = []string{upper + l, fmt.Sprintf("%s ML%d", upper, i+1)}
		}
	}
	return names
}

func investment(help string) Input {
	return Input{Name: "investment", Kind: Amount, Help: Text{"审定总投入", help}}
}

func rate(name, zh, en string) Input {
	return Input{Name: name, Kind: Rate, Help: Text{zh, en}}
}

func flag(name, zh, en string) Input {
	return Input{Name: name, Kind: Switch, Help: Text{zh, en}}
}

func clauses() []Clause {
	return []Clause{
		{"（一）", 1, Text{"聚力攻坚核心软件", "Focus on core software"},
			Text{"明确重点支持的核心软件：操作系统、数据库、中间件、安全软件、研发设计和生产控制类软件等。不涉及资金。", "Names the core software the city supports: operating systems, databases, middleware, security, design and production-control software. No money."}},
		{"（二）", 2, Text{"强化布局新兴平台软件及行业通用软件", "Emerging platform and industry software"},
			Text{"明确重点支持的新兴平台软件及行业通用软件。不涉及资金。", "Names the emerging platform software and industry application software the city supports. No money."}},
		{"（三）", 3, Text{"实施技术攻关重大项目", "Major technology projects"},
			Text{"关键核心技术协同攻关最高3000万元；市政府认定的悬赏及战略性攻关项目按审定总投入全额资助；新产品应用推广按不超过50%、最高1000万元；国家级和省级重大项目资金配套。", "Joint key-technology projects up to 30 million; city-designated strategic projects in full; new-product promotion at most 50% up to 10 million; matching funds for national and provincial projects."}},
		{"（四）", 4, Text{"搭建公共技术服务平台", "Public technology service platforms"},
			Text{"新建平台按不超过投入的50%、最高2000万元；已建平台按上一年度审定运营费用的20%－40%、最高500万元；开源社区代码贡献最高500万元；优质开源软件项目最高300万元。", "New platforms at most 50% of investment up to 20 million; existing platforms 20%-40% of last year's operating cost up to 5 million; open-source contributions up to 5 million; open-source projects up to 3 million."}},
		{"（五）", 5, Text{"打造生态创新孵化平台", "Ecosystem innovation platforms"},
			Text{"重大产业技术生态平台采取“一事一议”的方式资助。", "Major industry technology ecosystem platforms are funded case by case."}},
		{"（六）", 6, Text{"加强知识产权布局和保护", "Intellectual property"},
			Text{"专利和软件著作权快速审查、软件正版化、知识产权保护。不涉及资金。", "Fast patent and copyright examination, licensed software, enforcement. No money."}},
		{"（七）", 7, Text{"营造创新创业良好氛围", "Events"},
			Text{"程序员节、展会、论坛、大赛、开源进校园等活动按不超过投入的50%、最高300万元；委托举办的活动按有关标准和规定支持。", "Programmer's day, exhibitions, forums, contests, open-source campus events: at most 50% of investment up to 3 million; commissioned events by the relevant standards."}},
		{"（八）", 8, Text{"高标准规划建设重点软件园区", "Key software parks"},
			Text{"规划建设重点软件园区及其基础设施。不涉及资金。", "Plans the key software parks and their infrastructure. No money."}},
		{"（九）", 9, Text{"构建国家、省、市软件名园体系", "Software parks of distinction"},
			Text{"认定的软件名园一次性奖励500万、300万、200万元；考核优秀的奖励150万、100万、50万元；各区给予租金补贴，新入驻企业连续三年不低于50%。", "Recognised parks 5/3/2 million once; parks rated excellent 1.5/1/0.5 million; district rent subsidies, at least 50% for three years for newly arrived firms."}},
		{"（十）", 10, Text{"加大软件人才培养力度", "Training software talent"},
			Text{"国家特色化示范性软件学院加大资金保障；人才培养项目按不超过投入的50%、最高1000万元，分阶段拨付。", "Model software colleges get more funding; training projects at most 50% of investment up to 10 million, in stages."}},
		{"（十一）", 11, Text{"加大软件人才招引力度", "Attracting software talent"},
			Text{"重大技术攻关核心团队1000万元至1亿元；顶尖团队“一事一议”；骨干软件人才创新人才奖励。", "Core teams on major technology projects 10 million to 100 million; top teams case by case; innovation awards for key staff."}},
		{"（十二）", 12, Text{"壮大软件企业中坚力量", "Growing software firms"},
			Text{"营业收入首次达到10亿、50亿、100亿元分别奖励50万、150万、300万元；按营业收入增量给予阶梯式奖励。", "Revenue first reaching 1, 5 and 10 billion: 0.5, 1.5 and 3 million; stepped awards on revenue growth."}},
		{"（十三）", 13, Text{"加快“引进来”“走出去”步伐", "Bringing firms in, going abroad"},
			Text{"新引进落地的总部和机构按类别分阶段给予最高5000万元落户奖励。", "Newly arrived headquarters and institutions: relocation awards up to 50 million, by category and stage."}},
		{"（十四）", 14, Text{"提升软件企业质量品牌标准能力", "Quality, brands and standards"},
			Text{"通过CMMI、CSMM四级及以上、DCMM等认证最高50万元；国家部委荣誉最高50万元；牵头制订国家、行业、地方、团体标准分别不超过50万、30万、20万、10万元。", "Certification (CMMI, CSMM level 4 and up, DCMM) up to 0.5 million; national honours up to 0.5 million; standards led: national/industry/local/group at most 0.5/0.3/0.2/0.1 million."}},
		{"（十五）", 15, Text{"加快信息技术应用创新软件推广应用", "Xinchuang software"},
			Text{"深圳市软件名企名品展示中心的建设运营费用予以保障，未定额。", "The Shenzhen software showcase centre: construction and operating costs are funded. No figure."}},
		{"（十六）", 16, Text{"加快开源软件推广应用", "Open-source software"},
			Text{"商业发行版按审定销售额的30%、最高1000万元；智能终端最高1000万元；用户单位采购按不超过30%、最高1000万元；有影响力的产品予以资助。", "Commercial distributions 30% of approved sales up to 10 million; smart terminals up to 10 million; buyers at most 30% up to 10 million; influential products funded."}},
		{"（十七）", 17, Text{"提升工业企业软件应用水平", "Industrial software use"},
			Text{"试点项目用户按审定总投入最高1000万元；云服务及低代码产品采购按3%－10%、最高500万元。", "Pilot users up to 10 million on the approved total investment; cloud and low-code buyers 3%-10% of purchases up to 5 million."}},
		{"（十八）", 18, Text{"推动人工智能软件推广应用", "Artificial intelligence"},
			Text{"人工智能示范应用项目按不超过投入的30%、最高1000万元。", "AI demonstration projects at most 30% of investment up to 10 million."}},
		{"（十九）", 19, Text{"推动首版次软件推广应用", "First-version software"},
			Text{"软件开发商按一定时期内审定销售额的30%、最高1000万元；首个用户按采购额的10%、最高100万元；投保项目最高300万元。", "Developers 30% of approved sales up to 10 million; first users 10% of the purchase up to 1 million; insured projects up to 3 million."}},
		{"（二十）", 20, Text{"全方位加大资金支持力度", "Financing"},
			Text{"重点企业贷款风险补偿；基础软件、工业软件和开源商业化软件企业成功上市最高400万元。", "Loan risk compensation for key firms; listed basic, industrial and open-source software firms up to 4 million."}},
	}
}

func measureList() []*Measure {
	return []*Measure{
		{
			Name: "key-tech", Aliases: []string{"关键核心技术", "关键核心技术攻关", "技术攻关"}, Clause: "（三）",
			Title:   Text{"关键核心技术攻关", "Key technology projects"},
			Summary: Text{"关键核心技术和共性通用技术协同攻关：给予项目承担单位最高3000万元。", "Joint key and common technology projects: up to 30,000,000 for the lead unit."},
			Inputs:  []Input{investment("approved total investment (optional: the subsidy never exceeds it)")},
			Example: "--investment 4e7",
			Items: []*Item{{
				ID: "key-tech", Name: "关键核心技术攻关", Kind: CapOnly, Payer: Municipal, Recipient: Undertaker, Scope: ProjectScope,
				Title:  Text{"关键核心技术协同攻关", "key technology project"},
				Quote:  "开展关键核心技术和共性通用技术的协同攻关，给予项目承担单位最高不超过3000万元资助",
				Ledger: OncePerProject, LedgerWords: "给予项目承担单位最高不超过3000万元资助",
				Base: "investment", BaseOptional: true, Cap: capAt("30000000"),
				// 同一项目: the subsidy never exceeds the project's investment,
				// its own, else the one claimed under strategic, else the
				// audited investment of the 附则.
				BaseElse: []string{"strategic.investment", InAudited},
			}},
		},
		{
			Name: "strategic", Aliases: []string{"战略性攻关", "悬赏项目", "悬赏"}, Clause: "（三）",
			Title:   Text{"悬赏及战略性攻关项目", "Strategic projects"},
			Summary: Text{"市政府认定的悬赏项目和战略性关键核心技术攻关重大项目：按审定总投入全额资助。", "Bounty and strategic key-technology projects designated by the city government: the approved investment in full."},
			Inputs: []Input{{Name: "investment", Kind: Amount, Required: true,
				Help: Text{"审定总投入", "approved total investment"}}},
			Example: "--investment 8e7",
			Items: []*Item{{
				ID: "strategic", Name: "战略性攻关项目", Kind: FixedRate, Payer: Municipal, Recipient: Undertaker, Scope: ProjectScope,
				Title:  Text{"悬赏及战略性关键核心技术攻关", "strategic project (全额资助)"},
				Quote:  "经市政府认定的悬赏项目、战略性关键核心技术攻关重大项目，按审定总投入给予全额资助",
				Ledger: OncePerProject, LedgerWords: "按审定总投入给予全额资助",
				Base:    "investment",
				RateLow: amt("1"), RateHigh: amt("1"),
			}},
		},
		{
			Name: "new-product", Aliases: []string{"新产品", "新产品应用推广"}, Clause: "（三）",
			Title:   Text{"新产品应用推广", "New-product promotion"},
			Summary: Text{"新产品应用推广项目：按不超过审定总投入的50%，最高1000万元。", "New-product promotion projects: at most 50% of the approved investment, up to 10,000,000."},
			Inputs:  []Input{investment("approved total investment"), rate("rate", "资助比例（不超过50%）", "rate, at most 50%")},
			Example: "--investment 1.6e7",
			Items: []*Item{{
				ID: "new-product", Name: "新产品应用推广", Kind: CeilingRate, Payer: Municipal, Recipient: Undertaker, Scope: ProjectScope,
				Title:  Text{"新产品应用推广项目", "new-product promotion"},
				Quote:  "对符合条件的项目，按不超过审定总投入的50%，给予最高不超过1000万元资助",
				Ledger: OncePerProject, LedgerWords: "对符合条件的项目",
				Base: "investment", RateInput: "rate",
				RateLow: amt("0"), RateHigh: amt("0.5"), Cap: capAt("10000000"),
			}},
		},
		{
			Name: "national-match", Aliases: []string{"项目配套", "国家级和省级重大项目配套", "资金配套", "配套"}, Clause: "（三）",
			Title:   Text{"国家级和省级重大项目配套", "Matching national projects"},
			Summary: Text{"基础软件、工业软件领域的国家级和省级重大项目资金配套：政策未规定比例。", "Matching funds for national and provincial major projects in basic and industrial software; the text states no ratio."},
			Items: []*Item{{
				ID: "national-match", Name: "国家和省级项目配套", Kind: CaseByCase, Payer: Municipal, Recipient: Undertaker, Scope: ProjectScope,
				Title:       Text{"国家级和省级重大项目资金配套", "matching funds"},
				Quote:       "对基础软件、工业软件领域的国家级和省级重大项目给予资金配套",
				Ledger:      PerAward,
				HeadroomCap: true,
				Reason:      Text{"资金配套，未规定比例", "matching funds with no ratio stated"},
			}},
		},
		{
			Name: "platform", Aliases: []string{"公共服务平台", "公共技术服务平台", "服务平台", "平台"}, Clause: "（四）",
			Title:   Text{"公共技术服务平台", "Public technology service platforms"},
			Summary: Text{"新建平台：按不超过投入的50%，最高2000万元。已建平台：按上一年度审定运营费用的20%－40%，最高500万元。", "New platforms: at most 50% of investment up to 20,000,000. Existing platforms: 20%-40% of last year's approved operating cost up to 5,000,000."},
			Inputs: []Input{
				investment("approved total investment of a new platform"),
				rate("new-rate", "新建平台资助比例（不超过50%）", "rate for a new platform, at most 50%"),
				{Name: "operating-cost", Kind: Amount, Help: Text{"已建平台上一年度审定运营费用", "existing platform: previous year's approved operating cost"}},
				rate("existing-rate", "已建平台资助比例（20%－40%）", "rate for an existing platform, 20% to 40%"),
			},
			Example: "--operating-cost 1e7",
			Items: []*Item{
				{
					ID: "platform.new", Name: "公共服务平台·新建", Kind: CeilingRate, Payer: Municipal, Recipient: Platform, Scope: ProjectScope,
					Title:  Text{"新建平台", "new platform"},
					Quote:  "对符合条件的新建平台，按不超过项目审定总投入的50%，给予最高不超过2000万元资助",
					Ledger: OncePerProject, LedgerWords: "按不超过项目审定总投入的50%",
					Base: "investment", RateInput: "new-rate",
					RateLow: amt("0"), RateHigh: amt("0.5"), Cap: capAt("20000000"),
				},
				{
					ID: "platform.existing", Name: "公共服务平台·已建", Kind: RateRange, Payer: Municipal, Recipient: Platform, Scope: ProjectScope,
					Title:  Text{"已建平台", "existing platform"},
					Quote:  "对符合条件的已建平台，按其上一年度审定运营费用的20%－40%，给予最高不超过500万元资助",
					Ledger: Annual, LedgerWords: "上一年度审定运营费用",
					Base: "operating-cost", RateInput: "existing-rate",
					RateLow: amt("0.2"), RateHigh: amt("0.4"), Cap: capAt("5000000"),
				},
			},
		},
		{
			Name: "oss-contribution", Aliases: []string{"开源贡献", "开源社区代码贡献", "代码贡献"}, Clause: "（四）",
			Title:   Text{"开源社区代码贡献", "Open-source contributions"},
			Summary: Text{"国内重点开源社区代码合入量排名前列的企业、事业单位：最高500万元。", "Firms and institutions ranked near the top for code merged into key domestic open-source communities: up to 5,000,000."},
			Items: []*Item{{
				ID: "oss-contribution", Name: "开源社区代码贡献", Kind: CapOnly, Payer: Municipal, Recipient: Enterprise, Scope: FirmScope,
				Title:  Text{"社区版本代码合入量排名前列", "code merged into key communities"},
				Quote:  "对社区版本代码合入量排名前列的企业、事业单位予以最高不超过500万元奖励",
				Ledger: PerAward,
				Cap:    capAt("5000000"),
			}},
		},
		{
			Name: "oss-project", Aliases: []string{"开源项目", "优质开源软件项目"}, Clause: "（四）",
			Title:   Text{"优质开源软件项目", "Open-source projects"},
			Summary: Text{"可靠性高、使用量和下载量大的优质开源软件项目：给予开发者最高300万元。", "Reliable, widely used and downloaded open-source projects: up to 3,000,000 for the developer."},
			Items: []*Item{{
				ID: "oss-project", Name: "优质开源软件项目", Kind: CapOnly, Payer: Municipal, Recipient: Enterprise, Scope: FirmScope,
				Title:  Text{"优质开源软件项目", "quality open-source project"},
				Quote:  "对高可靠性、高利用率、高下载量的优质开源软件项目，给予开发企业最高不超过300万元的奖励",
				Ledger: PerAward,
				Cap:    capAt("3000000"),
			}},
		},
		{
			Name: "ecosystem", Aliases: []string{"生态平台", "重大产业技术生态平台"}, Clause: "（五）",
			Title:   Text{"重大产业技术生态平台", "Ecosystem platforms"},
			Summary: Text{"重大产业技术生态平台：“一事一议”。", "Major industry technology ecosystem platforms: case by case (一事一议)."},
			Items: []*Item{{
				ID: "ecosystem", Name: "产业技术生态平台", Kind: CaseByCase, Payer: Municipal, Recipient: Enterprise, Scope: ProjectScope,
				Title:    Text{"重大产业技术生态平台", "ecosystem platform"},
				Quote:    "对重大产业技术生态平台采取“一事一议”的方式进行资助",
				Ledger:   PerAward,
				OneByOne: true,
				Reason:   Text{"采取“一事一议”的方式进行资助", "funded case by case (一事一议)"},
			}},
		},
		{
			Name: "event", Aliases: []string{"品牌活动", "活动"}, Clause: "（七）",
			Title:   Text{"品牌活动", "Events"},
			Summary: Text{"品牌活动、展会、论坛、大赛和开源进校园活动：按不超过投入的50%，最高300万元；委托举办的活动按有关标准和规定支持。", "Events, exhibitions, forums, contests and open-source campus activities: at most 50% of investment up to 3,000,000; commissioned events by the relevant standards."},
			Inputs: []Input{
				investment("approved total investment of the event"),
				rate("rate", "资助比例（不超过50%）", "rate, at most 50%"),
				flag("commissioned", "经国家部委、广东省及深圳市政府委托举办", "commissioned by a ministry, the province or the city"),
			},
			Example: "--investment 4e6",
			Items: []*Item{
				{
					ID: "event", Name: "品牌活动", Kind: CeilingRate, Payer: Municipal, Recipient: Organizer, Scope: ProjectScope,
					Title:  Text{"活动", "event"},
					Quote:  "对符合条件的以上活动，按不超过项目审定总投入的50%给予最高300万元资助",
					Ledger: OncePerProject, LedgerWords: "按不超过项目审定总投入的50%",
					Base: "investment", RateInput: "rate",
					RateLow: amt("0"), RateHigh: amt("0.5"), Cap: capAt("3000000"),
				},
				{
					ID: "event.commissioned", Name: "品牌活动·委托举办", Kind: CaseByCase, Payer: Municipal, Recipient: Organizer, Scope: ProjectScope,
					Title:  Text{"委托举办的活动", "commissioned event"},
					Quote:  "经国家部委、广东省及深圳市政府委托举办的活动，各级财政按有关标准和规定予以支持",
					Ledger: OncePerProject, LedgerWords: "各级财政按有关标准和规定予以支持",
					Claim:  "commissioned",
					Reason: Text{"各级财政按有关标准和规定予以支持", "supported by every level of finance under the relevant standards"},
				},
			},
		},
		{
			Name: "park", Aliases: []string{"软件名园", "名园"}, Clause: "（九）",
			Title:   Text{"软件名园", "Software parks"},
			Summary: Text{"被认定为国家级、省级、市级软件名园：一次性500万、300万、200万元；考核优秀：150万、100万、50万元；租金补贴由各区支付。", "Parks recognised as national, provincial or municipal software parks: 5, 3 or 2 million once; rated excellent: 1.5, 1 or 0.5 million; rent subsidies paid by the districts."},
			Inputs: []Input{
				{Name: "recognized", Kind: Choice, Values: parkLevels, Aliases: parkNames, Help: Text{"被认定的软件名园级别", "level of the recognition"}},
				{Name: "excellent", Kind: Choice, Values: parkLevels, Aliases: parkNames, Help: Text{"考核获评优秀的软件名园级别", "level of a park rated excellent"}},
				{Name: "rent", Kind: Amount, Help: Text{"新入驻软件企业的年租金", "annual rent of a newly arrived software firm"}},
				flag("rent-existing", "园区内其他软件企业的租金补贴", "rent subsidy for other software firms in the park"),
			},
			Example: "--recognized provincial",
			Sides:   &Sides{A: []string{"park.recognition", "park.excellent"}, B: []string{"park.rent", "park.rent-existing"}},
			Items: []*Item{
				{
					ID: "park.recognition", Name: "软件名园·认定", Kind: Tier, Payer: Municipal, Recipient: ParkOperator, Scope: FirmScope,
					Title:  Text{"软件名园认定（一次性）", "recognition (one-time)"},
					Quote:  "对被认定为国家级、省级、市级软件名园（基地）的软件园区，分别一次性给予园区运营主体500万元、300万元、200万元的奖励",
					Claim:  "recognized",
					Ledger: OnceOnly, LedgerWords: "分别一次性给予",
					Tiers: []Step{
						{Key: "national", Label: Text{"国家级", "national"}, Amount: amt("5000000")},
						{Key: "provincial", Label: Text{"省级", "provincial"}, Amount: amt("3000000")},
						{Key: "municipal", Label: Text{"市级", "municipal"}, Amount: amt("2000000")},
					},
				},
				{
					ID: "park.excellent", Name: "软件名园·考核优秀", Kind: Tier, Payer: Municipal, Recipient: ParkOperator, Scope: FirmScope,
					Title:  Text{"考核获评优秀", "rated excellent"},
					Quote:  "对考核获评优秀的国家级、省级、市级软件名园（基地），分别给予150万元、100万元、50万元奖励",
					Ledger: PerAward,
					Claim:  "excellent",
					Tiers: []Step{
						{Key: "national", Label: Text{"国家级", "national"}, Amount: amt("1500000")},
						{Key: "provincial", Label: Text{"省级", "provincial"}, Amount: amt("1000000")},
						{Key: "municipal", Label: Text{"市级", "municipal"}, Amount: amt("500000")},
					},
				},
				{
					ID: "park.rent", Name: "软件名园·新入驻租金补贴", Kind: Floor, Payer: District, Recipient: Tenant, Scope: FirmScope,
					Title:  Text{"新入驻企业租金补贴（三年）", "rent of a newly arrived firm (3 years)"},
					Quote:  "对新入驻的软件企业连续三年给予不低于50%的租金补贴",
					Ledger: LimitedYears, LedgerWords: "连续三年",
					Base:    "rent",
					RateLow: amt("0.5"), RateHigh: amt("1"), Years: 3,
				},
				{
					ID: "park.rent-existing", Name: "软件名园·园区租金补贴", Kind: CaseByCase, Payer: District, Recipient: Tenant, Scope: FirmScope,
					Title:  Text{"园区内企业租金补贴", "rent of firms in the park"},
					Quote:  "支持由各区对园区内软件企业给予一定比例的租金补贴",
					Ledger: PerAward,
					Claim:  "rent-existing",
					Reason: Text{"由各区给予一定比例，未规定比例", "a share set by the district; no ratio stated"},
				},
			},
		},
		{
			Name: "training", Aliases: []string{"人才培养", "软件人才培养"}, Clause: "（十）",
			Title:   Text{"软件人才培养", "Training"},
			Summary: Text{"与院校共建教材、课程、认证和实训基地等：按不超过投入的50%，最高1000万元，分阶段拨付。", "Textbooks, teaching, certification and training bases built with schools: at most 50% of investment up to 10,000,000, paid in stages."},
			Inputs: []Input{
				investment("approved total investment"),
				rate("rate", "资助比例（不超过50%）", "rate, at most 50%"),
				flag("model-college", "国家特色化示范性软件学院", "a national model software college"),
			},
			Example: "--investment 3e7",
			Items: []*Item{
				{
					ID: "training", Name: "人才培养项目", Kind: CeilingRate, Payer: Municipal, Recipient: Undertaker, Scope: ProjectScope,
					Title:  Text{"人才培养项目（分阶段）", "training project (in stages)"},
					Quote:  "对符合条件的项目，按不超过审定总投入的50%，分阶段给予最高不超过1000万元资助",
					Ledger: Staged, LedgerWords: "分阶段给予最高不超过1000万元",
					Base: "investment", RateInput: "rate",
					RateLow: amt("0"), RateHigh: amt("0.5"), Cap: capAt("10000000"),
					Notes: []Text{{"分阶段拨付", "paid in stages"}},
				},
				{
					ID: "training.model-college", Name: "示范性软件学院", Kind: CaseByCase, Payer: Municipal, Recipient: College, Scope: FirmScope,
					Title:  Text{"国家特色化示范性软件学院", "model software college"},
					Quote:  "对经国家部委评定的国家特色化示范性软件学院，加大资金保障支持力度",
					Ledger: PerAward,
					Claim:  "model-college",
					Reason: Text{"加大资金保障支持力度，未规定金额", "more funding, no figure stated"},
				},
			},
		},
		{
			Name: "talent-team", Aliases: []string{"人才团队", "高层次人才团队", "人才招引"}, Clause: "（十一）",
			Title:   Text{"高层次人才团队", "Talent teams"},
			Summary: Text{"承担重大工业软件或基础软件项目的核心团队：1000万元至1亿元；顶尖团队“一事一议”；骨干软件人才创新人才奖励。", "Core teams on major industrial or basic software projects: 10,000,000 to 100,000,000; top teams case by case; innovation awards for key staff."},
			Example: "--core-team",
			Sides:   &Sides{A: []string{"talent-team.core", "talent-team.top"}, B: []string{"talent-team.backbone"}},
			Inputs: []Input{
				flag("core-team", "承担工业软件、基础软件等重大技术攻关的核心团队", "a core team carrying a major industrial- or basic-software project"),
				flag("top", "顶尖团队", "a top team"),
				flag("backbone", "重点软件企业骨干软件人才", "key staff of a key software firm"),
			},
			Items: []*Item{
				{
					ID: "talent-team.core", Name: "人才团队·核心团队", Kind: AmountRange, Payer: Municipal, Recipient: Team, Scope: ProjectScope,
					Title:  Text{"重大技术攻关核心团队", "core team"},
					Claim:  "core-team",
					Quote:  "对承担工业软件、基础软件等重大技术攻关的核心团队，给予1000万元以上、1亿元以下的财政资金支持",
					Ledger: Staged, LedgerWords: "给予1000万元以上、1亿元以下的财政资金支持",
					AmountLow: amt("10000000"), AmountHigh: amt("100000000"),
				},
				{
					ID: "talent-team.top", Name: "人才团队·顶尖团队", Kind: CaseByCase, Payer: Municipal, Recipient: Team, Scope: ProjectScope,
					Title:    Text{"顶尖团队", "top team"},
					Quote:    "对顶尖团队采取“一事一议”的方式给予支持",
					Ledger:   PerAward,
					Claim:    "top",
					OneByOne: true,
					Reason:   Text{"采取“一事一议”的方式给予支持", "supported case by case (一事一议)"},
				},
				{
					ID: "talent-team.backbone", Name: "人才团队·骨干人才", Kind: CaseByCase, Payer: Municipal, Recipient: Talent, Scope: FirmScope,
					Title:  Text{"骨干软件人才创新人才奖励", "innovation award for key staff"},
					Quote:  "对我市重点软件企业的骨干软件人才，根据其上年度对我市产业发展、自主创新等方面的贡献给予创新人才奖励",
					Ledger: Annual, LedgerWords: "根据其上年度对我市产业发展、自主创新等方面的贡献",
					Claim:  "backbone",
					Reason: Text{"按贡献给予创新人才奖励，未规定金额", "an award by contribution, no figure stated"},
				},
			},
		},
		{
			Name: "revenue", Aliases: []string{"营业收入", "营业收入首次达标", "营收"}, Clause: "（十二）",
			Title:   Text{"营业收入首次达标", "Revenue milestones"},
			Summary: Text{"营业收入首次达到10亿、50亿、100亿元的软件和信息服务业企业：50万、150万、300万元；营业收入增量阶梯式奖励。", "Software and IT service firms whose revenue first reaches 1, 5 or 10 billion: 500,000, 1,500,000 or 3,000,000; stepped awards on revenue growth."},
			Inputs: []Input{
				{Name: "revenue", Kind: Amount, Required: true, Help: Text{"本年度营业收入", "this year's revenue"}},
				{Name: "prior-peak", Kind: Amount, Help: Text{"以往年度最高营业收入（默认0）", "highest revenue of any earlier year (default 0)"}},
				flag("highest-only", "同一年跨越多档时只给最高一档", "pay only the highest tier when one year crosses several"),
				flag("increment", "营业收入增量阶梯式奖励", "stepped award on revenue growth"),
			},
			Example: "--revenue 1.2e9",
			Assumptions: []Assumption{
				{Text{"同一年首次达到多档时各档奖励相加", "tiers first reached in the same year add up"}, "highest-only"},
				{Text{"未给出以往年度最高营业收入时默认为0，即假定“首次达到”（并给出提示）", "without a prior peak, 0 is assumed: 首次达到 is taken on trust (with a warning)"}, "prior-peak"},
			},
			Items: []*Item{
				{
					ID: "revenue.milestone", Name: "营业收入·首次达标", Kind: Milestone, Payer: Municipal, Recipient: Enterprise, Scope: FirmScope,
					Title:  Text{"营业收入首次达到10亿、50亿、100亿元", "revenue first reaching 1/5/10 billion"},
					Quote:  "对营业收入首次达到10亿元、50亿元、100亿元的软件和信息服务业企业，分别给予50万元、150万元、300万元奖励",
					Ledger: OnceOnly, LedgerWords: "首次达到",
					Base: "revenue", Prior: "prior-peak", HighestOnly: "highest-only",
					Tiers: []Step{
						{Label: Text{"10亿元", "1,000,000,000"}, Threshold: amt("1000000000"), Amount: amt("500000")},
						{Label: Text{"50亿元", "5,000,000,000"}, Threshold: amt("5000000000"), Amount: amt("1500000")},
						{Label: Text{"100亿元", "10,000,000,000"}, Threshold: amt("10000000000"), Amount: amt("3000000")},
					},
				},
				{
					ID: "revenue.increment", Name: "营业收入·增量奖励", Kind: CaseByCase, Payer: Municipal, Recipient: Enterprise, Scope: FirmScope,
					Title:  Text{"营业收入增量阶梯式奖励", "stepped award on growth"},
					Quote:  "对规模以上软件和信息服务业企业年度营业收入及增速达到一定标准的，按营业收入增量的一定比例给予阶梯式奖励",
					Ledger: Annual, LedgerWords: "年度营业收入",
					Claim:  "increment",
					Reason: Text{"按营业收入增量的一定比例，未规定比例", "a share of the revenue increment, no ratio stated"},
				},
			},
		},
		{
			Name: "digital-center", Aliases: []string{"数字化中心", "数字化技术中心"}, Clause: "（十二）",
			Title:   Text{"数字化技术中心", "Digitalisation centres"},
			Summary: Text{"工业企业数字化技术中心享受企业技术中心同等优惠政策：金额依另一政策，本政策未定额。", "Industrial firms' digitalisation technology centres enjoy the same preferential policies as enterprise technology centres: money by reference to another policy, no figure here."},
			Items: []*Item{{
				ID: "digital-center", Name: "数字化技术中心", Kind: CaseByCase, Payer: Municipal, Recipient: Enterprise, Scope: FirmScope,
				Title:  Text{"工业企业数字化技术中心", "digitalisation technology centre"},
				Quote:  "鼓励工业企业成立数字化技术中心，享受企业技术中心同等优惠政策",
				Ledger: PerAward,
				Reason: Text{"享受企业技术中心同等优惠政策，本措施未规定金额", "the same preferential policies as an enterprise technology centre; no figure in this policy"},
			}},
		},
		{
			Name: "relocation", Aliases: []string{"落户奖励", "落户"}, Clause: "（十三）",
			Title:   Text{"落户奖励", "Relocation"},
			Summary: Text{"新引进落地的总部、研发机构、龙头企业和专业服务机构：按类别分阶段最高5000万元。", "Newly arrived headquarters, R&D centres, leading firms and service institutions: up to 50,000,000 by category and stage."},
			Items: []*Item{{
				ID: "relocation", Name: "落户奖励", Kind: CapOnly, Payer: Municipal, Recipient: Enterprise, Scope: FirmScope,
				Title:  Text{"新引进落地（分类分阶段）", "relocation award (by category and stage)"},
				Quote:  "对新引进落地且符合条件的，分类分阶段给予最高不超过5000万元落户奖励",
				Ledger: Staged, LedgerWords: "分类分阶段给予最高不超过5000万元",
				Cap: capAt("50000000"),
			}},
		},
		{
			Name: "quality", Aliases: []string{"质量品牌标准", "质量", "认证", "标准"}, Clause: "（十四）",
			Title:   Text{"质量品牌标准", "Quality, honors, standards"},
			Summary: Text{"通过认证最高50万元；国家部委荣誉最高50万元；牵头制订国家、行业、地方、团体标准：不超过50万、30万、20万、10万元。", "Certification up to 500,000; national honors up to 500,000; standards led: at most 500,000 / 300,000 / 200,000 / 100,000 for national / industry / local / group standards."},
			Inputs: []Input{
				{Name: "certification", Kind: Choice, Values: certs, Aliases: certNames, Help: Text{"通过的认证及级别", "certification and its level"}},
				flag("honor", "获得国家部委有关荣誉、奖项", "a national ministry's honor or prize"),
				{Name: "standard", Kind: Choices, Values: standards, Aliases: standardNames, Help: Text{"牵头制订并发布的标准", "a standard led and published"}},
				flag("per-level", "每个级别的标准只计一次", "count each level of standard once"),
			},
			Example: "--certification cmmi-5 --standard national",
			Assumptions: []Assumption{
				{Text{"“四级及以上”适用于CMMI和CSMM；DCMM未规定级别", "\"level 4 and up\" applies to CMMI and CSMM; the text names no level for DCMM"}, ""},
				{Text{"“其他认证”（原文“等”）按最高50万元计", "another recognised certification (the text says 等) counts up to 500,000"}, ""},
				{Text{"政策未规定计几项标准：每项标准各计一次，同一级别可重复（最高额取宽松理解）", "the text does not say how many standards count: each standard counts, the same level may repeat (a maximum takes the generous reading)"}, "per-level"},
			},
			Items: []*Item{
				{
					ID: "quality.certification", Name: "质量标准·认证", Kind: CapOnly, Payer: Municipal, Recipient: Enterprise, Scope: FirmScope,
					Title:  Text{"CMMI/CSMM/DCMM认证", "certification"},
					Quote:  "对通过软件能力成熟度模型（CMMI）、软件能力成熟度评估（CSMM）四级及以上、数据管理能力成熟度评估模型（DCMM）等国内外软件行业相关认证和标准的企业，给予最高不超过50万元奖励",
					Ledger: PerAward,
					Claim:  "certification", Cap: capAt("500000"),
					Levels: []LevelRule{{"cmmi", "CMMI", 4}, {"csmm", "CSMM", 4}, {"dcmm", "DCMM", 1}},
					Other:  "other",
				},
				{
					ID: "quality.honor", Name: "质量标准·荣誉奖项", Kind: CapOnly, Payer: Municipal, Recipient: Enterprise, Scope: FirmScope,
					Title:  Text{"国家部委荣誉、奖项", "national honor"},
					Quote:  "对获得国家部委有关荣誉、奖项的软件企业或项目，给予最高不超过50万元奖励",
					Ledger: PerAward,
					Claim:  "honor", Cap: capAt("500000"),
				},
				{
					ID: "quality.standard", Name: "质量标准·牵头制订标准", Kind: Tier, Payer: Municipal, Recipient: Enterprise, Scope: FirmScope,
					Title:  Text{"牵头制订标准", "standards led"},
					Quote:  "对牵头制订并按规定发布软件领域国家、行业、地方、团体标准的企事业单位分别给予不超过50万元、30万元、20万元、10万元资助",
					Ledger: PerAward,
					Claim:  "standard", UpTo: true, PerLevel: "per-level", Most: 100,
					Tiers: []Step{
						{Key: "national", Label: Text{"国家标准", "national standard"}, Amount: amt("500000")},
						{Key: "industry", Label: Text{"行业标准", "industry standard"}, Amount: amt("300000")},
						{Key: "local", Label: Text{"地方标准", "local standard"}, Amount: amt("200000")},
						{Key: "group", Label: Text{"团体标准", "group standard"}, Amount: amt("100000")},
					},
				},
			},
		},
		{
			Name: "showcase", Aliases: []string{"展示中心", "软件名企名品展示中心"}, Clause: "（十五）",
			Title:   Text{"软件名企名品展示中心", "Software showcase centre"},
			Summary: Text{"深圳市软件名企名品展示中心：建设运营费用予以保障，未定额。", "The showcase centre of Shenzhen's software firms and products: construction and operating costs are funded, no figure stated."},
			Items: []*Item{{
				ID: "showcase", Name: "名企名品展示中心", Kind: CaseByCase, Payer: Municipal, Recipient: Undertaker, Scope: ProjectScope,
				Title:  Text{"展示中心建设运营费用", "showcase centre costs"},
				Quote:  "支持建设我市软件名企名品展示中心，打造深圳市软件名品库，对符合条件的建设运营费用予以保障",
				Ledger: OncePerProject, LedgerWords: "对符合条件的建设运营费用予以保障",
				Reason: Text{"建设运营费用予以保障，未规定金额", "costs are funded, no figure stated"},
			}},
		},
		{
			Name: "open-source", Aliases: []string{"开源软件", "开源软件推广应用", "开源"}, Clause: "（十六）",
			Title:   Text{"开源软件推广应用", "Open-source software"},
			Summary: Text{"商业发行版：审定销售额的30%，最高1000万元；基于开源项目的智能终端：最高1000万元；用户单位：采购额的不超过30%，最高1000万元；有影响力的产品：予以资助，未定额。", "Commercial distributions: 30% of approved sales up to 10,000,000; smart terminals on open-source projects: up to 10,000,000; buyers: at most 30% of the purchase up to 10,000,000; influential products: funded, no figure."},
			Inputs: []Input{
				{Name: "sales", Kind: Amount, Help: Text{"发行版软件产品及服务审定销售额", "approved sales of the distribution's products and services"}},
				flag("terminal", "基于开源项目开发生产智能终端产品", "smart terminal products built on the open-source projects"),
				{Name: "purchase", Kind: Amount, Help: Text{"用户单位采购额", "the buyer's purchase amount"}},
				rate("purchase-rate", "采购资助比例（不超过30%）", "rate on the purchase, at most 30%"),
				flag("influential", "达到一定应用规模、在全球开源体系中有影响力", "of a certain scale and influential in global open source"),
			},
			Example: "--sales 2e7",
			Sides:   &Sides{A: []string{"open-source.distribution"}, B: []string{"open-source.purchase"}},
			Items: []*Item{
				{
					ID: "open-source.distribution", Name: "开源·商业发行版", Kind: FixedRate, Payer: Municipal, Recipient: Distributor, Scope: ProjectScope,
					Title:  Text{"商业发行版销售", "commercial distribution sales"},
					Quote:  "对其发行版软件产品及服务销售额达到一定规模的，按审定销售额的30%，给予最高不超过1000万元资助",
					Ledger: OncePerProject, LedgerWords: "按审定销售额的30%",
					Base:    "sales",
					RateLow: amt("0.3"), RateHigh: amt("0.3"), Cap: capAt("10000000"),
					Notes: []Text{{"销售额须“达到一定规模”，规模由申报指南确定，szsoft 未核查", "sales must reach a scale (达到一定规模) that the application guide sets; szsoft does not check it"}},
				},
				{
					ID: "open-source.terminal", Name: "开源·智能终端", Kind: CapOnly, Payer: Municipal, Recipient: Enterprise, Scope: ProjectScope,
					Title:  Text{"智能终端产品（按产量分级分类）", "smart terminals (graded by output)"},
					Quote:  "鼓励企业采购相关芯片模组等，开发生产相关智能终端产品，按其产品产量分级分类给予最高不超过1000万元资助",
					Ledger: OncePerProject, LedgerWords: "按其产品产量分级分类给予最高不超过1000万元资助",
					Claim: "terminal", Cap: capAt("10000000"),
					Notes: []Text{{"按产量分级分类的档位未规定", "the grades by output are not stated"}},
				},
				{
					ID: "open-source.purchase", Name: "开源·用户采购", Kind: CeilingRate, Payer: Municipal, Recipient: User, Scope: ProjectScope,
					Title:  Text{"用户单位采购", "buyer's purchase"},
					Quote:  "支持企业采购相关软件和终端产品，对符合条件的用户单位按不超过采购额的30%，给予最高不超过1000万元资助",
					Ledger: OncePerProject, LedgerWords: "按不超过采购额的30%",
					Base: "purchase", RateInput: "purchase-rate",
					RateLow: amt("0"), RateHigh: amt("0.3"), Cap: capAt("10000000"),
				},
				{
					ID: "open-source.influential", Name: "开源·有影响力产品", Kind: CaseByCase, Payer: Municipal, Recipient: Enterprise, Scope: ProjectScope,
					Title:  Text{"有影响力的开源产品和服务", "influential open-source products"},
					Quote:  "对达到一定应用规模、在全球开源体系中有影响力的予以资助",
					Ledger: PerAward,
					Claim:  "influential",
					Reason: Text{"予以资助，未规定金额", "funded, no figure stated"},
				},
			},
		},
		{
			Name: "industrial-software", Aliases: []string{"工业软件", "工业软件应用"}, Clause: "（十七）",
			Title:   Text{"工业软件应用", "Industrial software"},
			Summary: Text{"工业软件应用试点用户：按审定总投入最高1000万元；云服务或低代码产品采购：审定采购额的3%－10%，最高500万元。", "Pilot users of industrial software: up to 10,000,000 on the approved total investment; buyers of cloud services or low-code products: 3%-10% of approved purchases up to 5,000,000."},
			Inputs: []Input{
				{Name: "pilot-investment", Kind: Amount, Help: Text{"试点项目经审定的总投入", "approved total of development or purchase fee, consulting, secondary development, adaptation testing and labour"}},
				{Name: "cloud-purchase", Kind: Amount, Help: Text{"年度云服务或低代码产品审定采购额", "approved annual purchase of cloud services or low-code products"}},
				rate("cloud-rate", "云服务资助比例（3%－10%）", "rate on cloud purchases, 3% to 10%"),
			},
			Example: "--cloud-purchase 6e7 --cloud-rate 8%",
			Assumptions: []Assumption{
				{Text{"试点项目未规定比例：资助不超过审定总投入", "the pilot item states no rate: the subsidy never exceeds the approved investment"}, ""},
			},
			Items: []*Item{
				{
					ID: "industrial-software.pilot", Name: "工业软件·应用试点", Kind: CapOnly, Payer: Municipal, Recipient: User, Scope: ProjectScope,
					Title:  Text{"工业软件应用试点", "pilot user"},
					Quote:  "对符合条件的试点项目用户，按经审定的软件委托开发服务费（购置费）及交付后的咨询服务、二次开发升级、适配测试、人力成本等总投入，给予最高不超过1000万元的资助",
					Ledger: OncePerProject, LedgerWords: "总投入，给予最高不超过1000万元的资助",
					Base: "pilot-investment", Cap: capAt("10000000"),
				},
				{
					ID: "industrial-software.cloud", Name: "工业软件·云服务低代码采购", Kind: RateRange, Payer: Municipal, Recipient: User, Scope: ProjectScope,
					Title:  Text{"云服务及低代码产品采购", "cloud and low-code purchases"},
					Quote:  "对年度云服务或低代码产品采购额达到一定标准的用户单位，按审定采购额的3%－10%，给予最高不超过500万元资助",
					Ledger: Annual, LedgerWords: "年度云服务或低代码产品采购额",
					Base: "cloud-purchase", RateInput: "cloud-rate",
					RateLow: amt("0.03"), RateHigh: amt("0.1"), Cap: capAt("5000000"),
					Notes: []Text{{"年度采购额须“达到一定标准”，标准由申报指南确定，szsoft 未核查", "the annual purchase must reach a standard (达到一定标准) that the application guide sets; szsoft does not check it"}},
				},
			},
		},
		{
			Name: "ai", Aliases: []string{"人工智能", "人工智能示范应用"}, Clause: "（十八）",
			Title:   Text{"人工智能示范应用", "AI demonstration projects"},
			Summary: Text{"人工智能示范应用项目：按不超过审定总投入的30%，最高1000万元。", "AI demonstration projects: at most 30% of the approved investment, up to 10,000,000."},
			Inputs:  []Input{investment("approved total investment"), rate("rate", "资助比例（不超过30%）", "rate, at most 30%")},
			Example: "--investment 4e7",
			Items: []*Item{{
				ID: "ai", Name: "人工智能示范应用", Kind: CeilingRate, Payer: Municipal, Recipient: Undertaker, Scope: ProjectScope,
				Title:  Text{"人工智能示范应用项目", "AI demonstration project"},
				Quote:  "对技术水平先进、市场前景广阔、带动效应明显的人工智能示范应用项目，按不超过审定总投入的30%，给予最高不超过1000万元资助",
				Ledger: OncePerProject, LedgerWords: "按不超过审定总投入的30%",
				Base: "investment", RateInput: "rate",
				RateLow: amt("0"), RateHigh: amt("0.3"), Cap: capAt("10000000"),
			}},
		},
		{
			Name: "first-version", Aliases: []string{"首版次", "首版次软件"}, Clause: "（十九）",
			Title:   Text{"首版次软件", "First-version software"},
			Summary: Text{"软件开发商：一定时期内审定销售额的30%，最高1000万元；用户单位：首个销售合同采购额的10%，最高100万元；投保项目：最高300万元。", "Developers: 30% of approved sales within a period, at most 10,000,000; users: 10% of the first contract's purchase, at most 1,000,000; insured projects: at most 3,000,000."},
			Inputs: []Input{
				{Name: "sales", Kind: Amount, Help: Text{"一定时期内审定销售额", "approved sales within the period the application guide sets"}},
				{Name: "purchase", Kind: Amount, Help: Text{"首个销售合同用户审定采购额", "approved purchase of the first sales contract's user"}},
				{Name: "premium", Kind: Amount, Help: Text{"实际投保年度保费", "insurance premium of the insured year"}},
			},
			Example: "--sales 5e7",
			Sides:   &Sides{A: []string{"first-version.developer"}, B: []string{"first-version.user"}},
			Assumptions: []Assumption{
				{Text{"“一定时期内”由年度申报指南确定；历年指南为首个合同起一年内的合同", "\"within a period\" is set by the annual guide; the guides so far take the first contract and every contract within one year of it"}, ""},
			},
			Items: []*Item{
				{
					ID: "first-version.developer", Name: "首版次软件·软件开发商", Kind: FixedRate, Payer: Municipal, Recipient: Developer, Scope: ProjectScope,
					Title:  Text{"软件开发商", "developer"},
					Quote:  "按一定时期内审定销售额的30%，给予软件开发商最高不超过1000万元资助",
					Ledger: OncePerProject, LedgerWords: "按一定时期内审定销售额的30%",
					Base:    "sales",
					RateLow: amt("0.3"), RateHigh: amt("0.3"), Cap: capAt("10000000"),
				},
				{
					ID: "first-version.user", Name: "首版次软件·用户单位", Kind: FixedRate, Payer: Municipal, Recipient: User, Scope: ProjectScope,
					Title:  Text{"用户单位", "user"},
					Quote:  "按首个销售合同对应用户的审定采购额的10%，给予用户单位最高不超过100万元资助",
					Ledger: OncePerProject, LedgerWords: "按首个销售合同对应用户的审定采购额的10%",
					Base:    "purchase",
					RateLow: amt("0.1"), RateHigh: amt("0.1"), Cap: capAt("1000000"),
				},
				{
					ID: "first-version.insurance", Name: "首版次软件·保险", Kind: CapOnly, Payer: Municipal, Recipient: Enterprise, Scope: ProjectScope,
					Title:  Text{"首版次软件保险", "insurance"},
					Quote:  "对符合条件的投保项目，按不超过一定费率及实际投保年度保费的一定比例，给予投保企业最高不超过300万元资助",
					Ledger: Annual, LedgerWords: "实际投保年度保费",
					Base: "premium", Cap: capAt("3000000"),
					Notes: []Text{{"费率和比例未规定：资助不超过保费", "rate and share not stated: never more than the premium"}},
				},
			},
		},
		{
			Name: "listing", Aliases: []string{"上市", "上市资助"}, Clause: "（二十）",
			Title:   Text{"上市资助", "Listing"},
			Summary: Text{"完成股改并成功上市的基础软件、工业软件和开源商业化软件企业：最高400万元；重点企业贷款风险补偿。", "Basic, industrial and open-source software firms that complete restructuring and listing: up to 4,000,000; loan risk compensation for key firms."},
			Inputs: []Input{
				flag("listed", "完成股改和上市辅导且成功上市", "completed restructuring and listing guidance, and listed"),
				flag("loan-compensation", "贷款风险补偿", "loan risk compensation"),
			},
			Example: "--listed",
			Items: []*Item{
				{
					ID: "listing.ipo", Name: "上市资助", Kind: CapOnly, Payer: Municipal, Recipient: Enterprise, Scope: FirmScope,
					Title:  Text{"成功上市", "listing"},
					Quote:  "对完成股改和上市辅导且成功上市的基础软件、工业软件企业和开源商业化软件企业，给予最高不超过400万元资助",
					Ledger: OnceOnly, LedgerWords: "成功上市",
					Claim: "listed", Cap: capAt("4000000"),
				},
				{
					ID: "listing.loan-compensation", Name: "贷款风险补偿", Kind: CaseByCase, Payer: Municipal, Recipient: Enterprise, Scope: FirmScope,
					Title:  Text{"贷款风险补偿", "loan risk compensation"},
					Quote:  "将我市重点软件企业列为深圳市中小微企业银行贷款风险补偿资金池补偿对象，对其产生的符合条件的贷款项目给予相应标准的风险补偿",
					Ledger: PerAward,
					Claim:  "loan-compensation",
					Reason: Text{"按相应标准给予风险补偿，未规定金额", "compensation by the applicable standard, no figure stated"},
				},
			},
		},
	}
}

// supplementaryInputs are the inputs of the 附则, declared once: the flags,
// the top-level TOML keys, the template, help and completion are made from
// them.
func supplementaryInputs() []Input {
	return []Input{
		{Name: InDate, Kind: Date, Help: Text{"事项日期（附则有效期；默认今天）", "date of the qualifying event (附则 validity window; default today)"}},
		{Name: InAudited, Kind: Amount, Help: Text{"项目经审计认定的投资额（附则累计资助上限；有国家或省级资金时必填）", "audited investment of the project (附则 cumulative cap; required with national or provincial funding)"}},
		{Name: InNational, Kind: Amount, Help: Text{"项目已获国家级财政资金", "national funding of the project (附则)"}},
		{Name: InProvincial, Kind: Amount, Help: Text{"项目已获省级财政资金", "provincial funding of the project (附则)"}},
		{Name: InOtherCity, Kind: Amount, Help: Text{"项目已获深圳市各级财政资金", "Shenzhen funding already received for the project (附则)"}},
		{Name: InDistrictRatio, Kind: Rate, Help: Text{"区级自定的配套比例（附则；默认0）", "the district's own matching ratio (附则; default 0)"}},
		{Name: InStrictCap, Kind: Switch, Help: Text{"累计资助上限按各级理解：国家和省级资金也计入", "all-levels reading of the cumulative cap: national and provincial money count too (附则)"}},
	}
}

func supplementary() Supplementary {
	return Supplementary{
		// 自2022年10月15日起施行，有效期5年: the last day is 2027-10-14.
		From: Day{2022, 10, 15},
		To:   Day{2027, 10, 14},
		Assumptions: []Assumption{
			{Text{"有效期：事项日期在2022-10-15至2027-10-14（含）之间；默认今天", "validity: the qualifying event is dated 2022-10-15 to 2027-10-14 inclusive; default today"}, "date"},
			{Text{"不得重复享受按类别而非按项目：声明已享受同类措施的措施（或事项）市级各项为0，其他措施和区级支付的各项不受影响", "no double-dipping bars the same kind of support, not the project: the measure (or items) declared already supported elsewhere get 0 on their municipal lines; other measures and district-paid lines are untouched"}, "same-kind"},
			{Text{"累计资助上限按字面理解：深圳市区两级（含已获市级资金）不超过审计投资额", "cumulative cap, literal reading: all Shenzhen funding, city and district, including funds already received, at most the audited investment"}, "strict-cap"},
			{Text{"累计资助上限针对“同一项目”：只约束市级“项目”类各项；对企业本身的奖励（营收、上市、名园、认证等）和区级支付的各项不计入", "the cumulative cap concerns 「同一项目」: it bounds the municipal project lines only; awards to the firm as such (revenue, listing, parks, certification, …) and district-paid lines stay outside it"}, ""},
			{Text{"区级配套比例未规定，默认0；区级配套以获得本措施资助为前提", "the district matching ratio is not stated, default 0; matching needs a grant under these measures"}, "district-ratio"},
			{Text{"同一项目只按一种方式资助的事项（新建/已建平台、关键技术/战略性项目、核心团队/顶尖团队、活动/委托活动）同时申报时只计最高的一项", "items that fund one project one way or the other (new/existing platform, key-tech/strategic, core/top team, event/commissioned event) count once: the largest"}, ""},
			{Text{"同一措施中付给不同申请单位的事项（开发商/用户、发行商/用户、园区运营主体/入驻企业、团队/骨干人才）须分别测算", "items of one measure paid to different applicants (developer/user, distributor/user, park operator/tenant, team/key staff) are computed separately"}, ""},
		},
	}
}

// annex is the 附则 as rules: the order of the text, each with its words
// and the inputs it reads.
func annex() []AnnexRule {
	in := supplementaryInputs()
	pick := func(names ...string) []Input {
		var out []Input
		for _, n := range names {
			for _, i := range in {
				if i.Name == n {
					out = append(out, i)
				}
			}
		}
		return out
	}
	return []AnnexRule{
		{Kind: AnnexWindow, Quote: "本措施自2022年10月15日起施行，有效期5年", Inputs: pick(InDate)},
		{Kind: AnnexNoDouble, Quote: "本措施与我市市级层面其他同类优惠措施不得重复享受"},
		{Kind: AnnexCumulativeCap, Quote: "对于已获得国家或省级财政支持的项目，我市各级财政对同一项目累计资助金额不得超过该项目经审计认定的投资额",
			Reading: "literal", Inputs: pick(InAudited, InNational, InProvincial, InOtherCity, InStrictCap)},
		{Kind: AnnexDistrictMatch, Quote: "获得本措施规定资助的，各区政府、大鹏新区管委会、深汕特别合作区管委会可给予相应的配套资助",
			Ceiling: amt("1"), Inputs: pick(InDistrictRatio)},
	}
}

// alternatives are the groups of items that fund one project one way or
// the other: the project gets one of them, never the sum.
func alternatives() []Alternative {
	return []Alternative{
		{Items: []string{"platform.new", "platform.existing"}, Why: Text{
			"一个平台或为“新建平台”或为“已建平台”，二者择一资助",
			"a platform is either new (新建平台) or existing (已建平台): funded one way, not both"}},
		{Items: []string{"key-tech", "strategic"}, Linked: true, Why: Text{
			"经市政府认定的战略性项目“按审定总投入给予全额资助”，取代“最高不超过3000万元资助”",
			"a project the city designates is funded in full (按审定总投入给予全额资助) instead of up to 30,000,000"}},
		{Items: []string{"talent-team.core", "talent-team.top"}, Why: Text{
			"对顶尖团队采取“一事一议”的方式给予支持，取代核心团队的1000万元以上、1亿元以下",
			"a top team is supported case by case (一事一议) instead of the core team's 10,000,000 to 100,000,000"}},
		{Items: []string{"event", "event.commissioned"}, Linked: true, Prefer: "event.commissioned", Why: Text{
			"经委托举办的活动“各级财政按有关标准和规定予以支持”，取代按投入50%资助",
			"a commissioned event is supported by the relevant standards (按有关标准和规定) instead of 50% of its investment"}},
	}
}

// Builtin is the registry of the editions szsoft ships, built on first use.
var Builtin = sync.OnceValue(func() *Registry { return assemble(SZ2022()) })
