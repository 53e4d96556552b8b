"""Chinese surnames used to recognise personal names without a language model.

The single-character list covers the common surnames of the 百家姓 and of the
Ministry of Public Security's surname statistics (about 98% of the population);
the compound list holds the compound surnames still in use.
"""

_SINGLE = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌"
    "毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦"
    "麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩"
    "明佘池乐匡鞠钮井伏祖粟帅湛冀浦官迟宣温郜蔺鄢邝厉丰储占植阎揭晋惠荆隆糜查郁练禹门栗扈封谌钭戈牛米"
    "奚平惠盖逄綦苑晁过蓬滑上关鄂寿雍郦暴羊谈裘韶贲郗班仰秋仝宓蔚都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔"
    "隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查後荆红游竺权逯盖益桓公朗闻怀凤"
    "水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐"
    "康伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾"
    "路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左"
    "石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋"
    "仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍"
    "双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向"
    "古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东殴殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙"
    "乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公万俟谯笪佴伯赏墨哈琴商牟佘佴阳佟第五言福覃钦"
    # surnames of Guangdong and Hainan (冼星海, 冼夫人)
    "冼"
    # Korean surnames as written in Chinese, borne by Chinese Koreans and given with a Korean's
    # romanised name (朴智勋, 郑, 金, 崔 and 李 are listed already)
    "朴"
)

_COMPOUND = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "轩辕",
    "令狐",
    "钟离",
    "南宫",
    "西门",
    "独孤",
    "端木",
    "申屠",
    "太史",
    "公羊",
    "澹台",
    "濮阳",
    "淳于",
    "单于",
    "闻人",
    "赫连",
    "呼延",
    "万俟",
    "百里",
    "东郭",
    "南门",
    "羊舌",
    "微生",
    "梁丘",
    "左丘",
    "第五",
    "公冶",
    "宗政",
    "拓跋",
    "乐正",
    "壤驷",
    "公良",
    "夹谷",
    "宰父",
    "谷梁",
    "段干",
    "司空",
    "司寇",
    "巫马",
)

SINGLE_SURNAMES: frozenset[str] = frozenset(_SINGLE) - frozenset("第上公後")
COMPOUND_SURNAMES: frozenset[str] = frozenset(_COMPOUND)
SURNAMES: frozenset[str] = SINGLE_SURNAMES | COMPOUND_SURNAMES
