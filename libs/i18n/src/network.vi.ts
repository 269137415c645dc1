/** The `network` namespace (Vietnamese, the source of truth): reaching the hall, trusting its certificate. */
export const networkVi = {
  settingsTitle: 'Kết nối',
  settingsSubtitle:
    'Địa chỉ mọi người mở, và chứng chỉ để điện thoại, máy tính, điểm cầu tin cậy máy chủ này.',
  address: 'Địa chỉ hội nghị',
  addressHint: 'Đường dẫn mời, mã QR và thư mời đều mang địa chỉ này.',
  tls: {
    internal: 'HTTPS bằng chứng chỉ riêng của máy chủ (cần cài lên từng thiết bị một lần).',
    acme: 'HTTPS bằng chứng chỉ công khai, tự gia hạn. Thiết bị không cần cài gì.',
    files: 'HTTPS bằng chứng chỉ do đơn vị cung cấp.',
    external: 'HTTPS do máy chủ phía trước (proxy) đảm nhận.',
    off: 'Chưa có HTTPS: trình duyệt trên máy khác sẽ không cho dùng camera và micro.',
  },
  trust: {
    title: 'Cài chứng chỉ cho điện thoại và điểm cầu',
    why: 'Máy chủ này dùng chứng chỉ riêng. Mỗi thiết bị cần cài chứng chỉ gốc một lần; sau đó trình duyệt tin cậy địa chỉ hội nghị và cho dùng camera, micro.',
    download: 'Tải chứng chỉ (hallbridge-ca.crt)',
    plainLink: 'Trên thiết bị chưa cài, mở địa chỉ này (không có “s”):',
    fingerprint: 'Mã kiểm tra (SHA-256) — so với mã in khi khởi động máy chủ trước khi cài:',
    name: 'Tên chứng chỉ',
    validUntil: 'Hiệu lực đến',
    stepsTitle: 'Cách cài',
    android: {
      title: 'Android',
      steps: [
        'Mở địa chỉ tải chứng chỉ bằng Chrome và tải tệp hallbridge-ca.crt về.',
        'Vào Cài đặt › Bảo mật (hoặc Bảo mật và quyền riêng tư) › Cài đặt khác › Mã hóa và thông tin xác thực › Cài đặt chứng chỉ › Chứng chỉ CA.',
        'Chọn “Vẫn cài đặt”, chọn tệp hallbridge-ca.crt vừa tải, xác nhận bằng mã khóa màn hình.',
        'Mở lại trình duyệt và vào địa chỉ hội nghị.',
      ],
    },
    ios: {
      title: 'iPhone, iPad',
      steps: [
        'Mở địa chỉ tải chứng chỉ bằng Safari, chọn “Cho phép” để tải hồ sơ cấu hình.',
        'Vào Cài đặt › Cài đặt chung › VPN & Quản lý thiết bị, chọn hồ sơ HallBridge và nhấn Cài đặt.',
        'Vào Cài đặt › Cài đặt chung › Giới thiệu › Cài đặt tin cậy chứng nhận, bật tin cậy đầy đủ cho chứng chỉ HallBridge.',
        'Mở lại Safari và vào địa chỉ hội nghị.',
      ],
    },
    windows: {
      title: 'Máy tính Windows',
      steps: [
        'Tải tệp hallbridge-ca.crt và mở nó, chọn “Install Certificate” (Cài đặt chứng chỉ).',
        'Chọn “Local Machine”, rồi “Place all certificates in the following store” › Browse › “Trusted Root Certification Authorities”.',
        'Hoàn tất, rồi đóng hẳn và mở lại Chrome hoặc Edge.',
      ],
    },
    rooms: {
      title: 'Màn hình điểm cầu',
      steps: [
        'Màn hình là máy tính Windows hoặc hộp Android: cài như hướng dẫn tương ứng ở trên.',
        'Máy tính Linux (Chrome/Chromium): Cài đặt › Quyền riêng tư và bảo mật › Bảo mật › Quản lý chứng chỉ › Tổ chức phát hành › Nhập, chọn “Tin cậy chứng chỉ này để xác định trang web”.',
        'Sau khi cài, mở địa chỉ hội nghị rồi ghép nối màn hình bằng mã ghép nối như thường lệ.',
      ],
    },
  },
};
