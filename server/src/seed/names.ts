// Deterministic Chinese names for demo people: the same seed gives the same
// hospital every time, so screenshots and docs stay comparable.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红梅海燕波宁浩凯健云峰志鑫丹琳晨雪婷慧颖欣宇航文斌飞斌晓东亮俊';

/** A small deterministic pseudo-random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function chineseName(next: () => number): string {
  const pick = (s: string) => s[Math.floor(next() * s.length)]!;
  return pick(SURNAMES) + pick(GIVEN) + (next() < 0.6 ? pick(GIVEN) : '');
}

export function mobile(next: () => number): string {
  const prefixes = ['138', '139', '135', '136', '150', '151', '158', '186', '187', '189'];
  return (
    prefixes[Math.floor(next() * prefixes.length)]! +
    String(Math.floor(next() * 1e8)).padStart(8, '0')
  );
}
