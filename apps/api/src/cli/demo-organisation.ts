/** The demo organisation `npm run seed:demo` creates: names as a provincial office would write them. */
export const demoPassword = 'hallbridge-demo';

export const demoProvince = { code: 'DEMO-TU', name: 'Tỉnh ủy Lâm Viên (demo)' };

export const demoBranches = [
  {
    code: 'DEMO-CB-DALAT',
    name: 'Chi bộ Phường 1, TP Đà Lạt',
    site: 'Hội trường UBND Phường 1',
    secretary: { username: 'bithu.dalat', displayName: 'Trần Thị Mai' },
    members: [
      'Nguyễn Văn An',
      'Lê Thị Bích',
      'Phạm Minh Châu',
      'Hoàng Văn Dũng',
      'Võ Thị Giang',
      'Đặng Quốc Huy',
      'Bùi Thị Hương',
      'Đỗ Văn Khánh',
      'Hồ Thị Lan',
      'Ngô Đức Minh',
    ],
  },
  {
    code: 'DEMO-CB-BAOLOC',
    name: 'Chi bộ Xã Lộc Châu, TP Bảo Lộc',
    site: 'Nhà văn hóa xã Lộc Châu',
    secretary: { username: 'bithu.baoloc', displayName: 'Nguyễn Hữu Phước' },
    members: [
      'Dương Thị Ngọc',
      'Lý Văn Nam',
      'Trịnh Thị Oanh',
      'Mai Xuân Phúc',
      'Đinh Thị Quyên',
      'Tạ Văn Sơn',
      'Lương Thị Thảo',
      'Châu Văn Tài',
      'Kiều Thị Uyên',
      'Vương Đình Việt',
    ],
  },
  {
    code: 'DEMO-CB-DUCTRONG',
    name: 'Chi bộ Thị trấn Liên Nghĩa, huyện Đức Trọng',
    site: 'Hội trường Đảng ủy thị trấn',
    secretary: { username: 'bithu.ductrong', displayName: 'Lê Văn Thắng' },
    members: [
      'K’ Bròn',
      'Ka Huyền',
      'Phan Thị Xuân',
      'Cao Văn Yên',
      'Tôn Nữ Ánh',
      'Quách Văn Bảo',
      'Lâm Thị Cúc',
      'Thái Văn Đạt',
      'Hà Thị Én',
      'Triệu Văn Phong',
    ],
  },
] as const;

export const demoStaff = {
  organiser: { username: 'tochuc', displayName: 'Nguyễn Thị Tổ Chức' },
  presenter: { username: 'baocaovien', displayName: 'PGS.TS. Lê Văn Báo' },
};
