import type { Random } from './random';

/** Family and given names, and whether the family name comes first, per language of the speaker. */
interface NamePool {
  family: readonly string[];
  given: readonly string[];
  familyFirst: boolean;
}

const pools: Record<string, NamePool> = {
  ja: {
    family: [
      '佐藤',
      '鈴木',
      '高橋',
      '田中',
      '伊藤',
      '渡辺',
      '山本',
      '中村',
      '小林',
      '加藤',
      '吉田',
      '山田',
      '佐々木',
      '山口',
      '松本',
      '井上',
      '木村',
      '林',
      '斎藤',
      '清水',
    ],
    given: [
      '陽子',
      '花子',
      '美咲',
      '直美',
      '由美',
      '恵子',
      '翔太',
      '大輔',
      '健一',
      '誠',
      '拓也',
      '亮',
      '彩',
      '舞',
      '聡',
      '裕子',
      'さくら',
      '真一',
      '和也',
      '結衣',
    ],
    familyFirst: true,
  },
  zh: {
    family: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙'],
    given: ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '婷', '浩'],
    familyFirst: true,
  },
  vi: {
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ'],
    given: [
      'Thị Lan',
      'Văn Minh',
      'Thị Hoa',
      'Văn Hùng',
      'Thị Mai',
      'Đức Anh',
      'Thu Trang',
      'Quang Huy',
      'Ngọc Ánh',
      'Minh Tuấn',
    ],
    familyFirst: true,
  },
  fil: {
    family: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Ocampo', 'Garcia', 'Mendoza', 'Torres', 'Villanueva', 'Ramos'],
    given: ['Maria', 'Jose', 'Ana', 'Mark', 'Kristine', 'John Paul', 'Maricel', 'Jerome', 'Angelica', 'Rodel'],
    familyFirst: false,
  },
  ne: {
    family: ['Gurung', 'Shrestha', 'Tamang', 'Rai', 'Magar', 'Thapa', 'Adhikari', 'Karki', 'Lama', 'Sharma'],
    given: ['Sita', 'Ram', 'Gita', 'Bikash', 'Sunita', 'Anil', 'Kamala', 'Suman', 'Rita', 'Prakash'],
    familyFirst: false,
  },
  pt: {
    // Many Brazilians in Japan are of Japanese descent (nikkei).
    family: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Nakamura', 'Yamamoto', 'Higa', 'Almeida'],
    given: ['Ana', 'João', 'Maria', 'Pedro', 'Juliana', 'Lucas', 'Fernanda', 'Rafael', 'Camila', 'Bruno'],
    familyFirst: false,
  },
  ko: {
    family: ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임'],
    given: ['민준', '서연', '지훈', '수빈', '현우', '지은', '도윤', '하은', '준서', '유진'],
    familyFirst: true,
  },
  id: {
    family: [
      'Rahayu',
      'Santoso',
      'Wijaya',
      'Saputra',
      'Lestari',
      'Hidayat',
      'Kurniawan',
      'Pratama',
      'Susanto',
      'Nugroho',
    ],
    given: ['Siti', 'Budi', 'Dewi', 'Agus', 'Rina', 'Andi', 'Putri', 'Eko', 'Wati', 'Rizki'],
    familyFirst: false,
  },
  th: {
    family: [
      'Saetang',
      'Srisuk',
      'Wongsa',
      'Chaiyaporn',
      'Boonmee',
      'Kaewkong',
      'Thongdee',
      'Sukprasert',
      'Rattanakorn',
      'Phromma',
    ],
    given: ['Somchai', 'Suda', 'Anan', 'Malee', 'Niran', 'Pim', 'Kittisak', 'Ratana', 'Wichai', 'Nok'],
    familyFirst: false,
  },
  en: {
    family: ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Miller', 'Clarke', 'Walker', 'Wright'],
    given: ['Emily', 'James', 'Sarah', 'Michael', 'Jessica', 'David', 'Laura', 'Daniel', 'Hannah', 'Thomas'],
    familyFirst: false,
  },
  es: {
    // Peruvians of Okinawan descent are a community of their own.
    family: ['García', 'Rodríguez', 'Flores', 'Quispe', 'Gonzales', 'Ramírez', 'Torres', 'Vargas', 'Higa', 'Sánchez'],
    given: ['Carlos', 'María', 'José', 'Lucía', 'Luis', 'Rosa', 'Jorge', 'Carmen', 'Miguel', 'Ana'],
    familyFirst: false,
  },
  my: {
    family: ['Aung', 'Kyaw', 'Htun', 'Win', 'Myint', 'Oo'],
    given: ['Su Myat', 'Thiri', 'Zaw', 'Hnin', 'Min Thu', 'Ei Phyu'],
    familyFirst: false,
  },
  si: {
    family: ['Perera', 'Fernando', 'Silva', 'Jayasinghe', 'Bandara', 'Wickramasinghe'],
    given: ['Nimal', 'Kumari', 'Sunil', 'Dilani', 'Chaminda', 'Ishara'],
    familyFirst: false,
  },
  hi: {
    family: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Iyer'],
    given: ['Priya', 'Rahul', 'Anjali', 'Vikram', 'Neha', 'Arjun'],
    familyFirst: false,
  },
  mn: {
    family: ['Bat', 'Gan', 'Erdene', 'Bold', 'Tsetseg', 'Enkh'],
    given: ['Oyuun', 'Bayar', 'Saraa', 'Tuvshin', 'Anu', 'Tömör'],
    familyFirst: false,
  },
};

/** A plausible full name for a native speaker of `language` (English-style for the rest). */
export function personName(random: Random, language: string): string {
  const pool = pools[language] ?? pools.en;
  if (!pool) throw new Error('no name pool');
  const family = random.pick(pool.family);
  const given = random.pick(pool.given);
  return pool.familyFirst ? `${family} ${given}` : `${given} ${family}`;
}
